using System;
using System.IO;
#if NET8_0_OR_GREATER
using System.Security.AccessControl;
using System.Security.Principal;
#endif

namespace MfaEnforcement.Core.Sessions;

/// <summary>
/// Writes files that hold secrets (MFA seeds, QR codes, session credentials) so that only their owner can read
/// them: mode 600 on Linux and macOS, an ACL with the current user alone on Windows. The file is created with those
/// permissions rather than narrowed afterwards, so no other user can open it in between.
/// </summary>
public static class PrivateFile
{
    /// <summary>
    /// Writes a new file; with <paramref name="overwrite"/> an existing one is replaced atomically, otherwise an
    /// existing file is an <see cref="IOException"/>.
    /// </summary>
    public static void Write(string path, byte[] content, bool overwrite)
    {
        if (!overwrite)
        {
            using var stream = Create(path);
            stream.Write(content, 0, content.Length);
            return;
        }

        Replace(path, content);
    }

    /// <summary>
    /// Replaces the file's content atomically: the content goes to a temporary file in the same folder, which is
    /// then renamed over the target, so a reader sees the old file or the new one, never half of one.
    /// </summary>
    public static void Replace(string path, byte[] content)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        CreateFolder(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = Create(temporary))
            {
                stream.Write(content, 0, content.Length);
                stream.Flush(true);
            }

            Rename(temporary, fullPath);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Creates a folder (and its parents) that only the owner can enter, when it does not exist yet.</summary>
    public static void CreateFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

#if NET8_0_OR_GREATER
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(
                folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
#endif
        Directory.CreateDirectory(folder);
    }

    private static FileStream Create(string path)
    {
#if NET8_0_OR_GREATER
        if (OperatingSystem.IsWindows())
        {
            var security = new FileSecurity();
            var owner = WindowsIdentity.GetCurrent().User!;
            security.SetOwner(owner);
            security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
            security.AddAccessRule(
                new FileSystemAccessRule(owner, FileSystemRights.FullControl, AccessControlType.Allow));
            return new FileInfo(path).Create(
                FileMode.CreateNew, FileSystemRights.FullControl, FileShare.None, 4096, FileOptions.None, security);
        }

        return new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
#else
        // Windows PowerShell 5.1 (.NET Framework) has no ACL API in netstandard2.0: the file inherits the ACL of its
        // folder, which under the user's profile is the user, SYSTEM and Administrators.
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
#endif
    }

    private static void Rename(string source, string destination)
    {
#if NET8_0_OR_GREATER
        File.Move(source, destination, overwrite: true);
#else
        if (File.Exists(destination))
        {
            File.Replace(source, destination, destinationBackupFileName: null);
        }
        else
        {
            File.Move(source, destination);
        }
#endif
    }
}
