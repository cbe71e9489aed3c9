using System;
using System.IO;
using System.Text;

namespace MfaEnforcement.Core.Sessions;

/// <summary>
/// The AWS shared credentials file on disk: <c>AWS_SHARED_CREDENTIALS_FILE</c> or <c>~/.aws/credentials</c>. It is
/// read and written as Latin-1, which maps every byte to one character and back, so bytes this module does not
/// change come back exactly as they were, whatever the file's encoding. See
/// https://docs.aws.amazon.com/sdkref/latest/guide/file-location.html.
/// </summary>
public sealed class SharedCredentialsFile
{
    private static readonly Encoding s_bytes = Encoding.GetEncoding(28591);

    /// <summary>Points at a file, which need not exist yet.</summary>
    public SharedCredentialsFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The file the AWS SDKs and CLI read in this process's environment.</summary>
    public static SharedCredentialsFile Default() =>
        Configured() ?? new SharedCredentialsFile(System.IO.Path.Combine(Home(), ".aws", "credentials"));

    /// <summary>The file AWS_SHARED_CREDENTIALS_FILE names, or null when it names none.</summary>
    public static SharedCredentialsFile? Configured()
    {
        var configured = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");
        return string.IsNullOrEmpty(configured) ? null : new SharedCredentialsFile(ExpandHome(configured!));
    }

    /// <summary>The file's text, empty when it does not exist.</summary>
    public string ReadText()
    {
        try
        {
            return File.Exists(Path) ? s_bytes.GetString(File.ReadAllBytes(Path)) : string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MfaSessionException(
                MfaSessionException.StoreUnavailable,
                $"The credentials file '{Path}' cannot be read: {e.Message} Check its permissions, or set " +
                "AWS_SHARED_CREDENTIALS_FILE to another file.",
                e);
        }
    }

    /// <summary>Replaces the file atomically with owner-only permissions (see <see cref="PrivateFile"/>).</summary>
    public void WriteText(string text)
    {
        try
        {
            PrivateFile.Replace(Path, s_bytes.GetBytes(text));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MfaSessionException(
                MfaSessionException.StoreUnavailable,
                $"The credentials file '{Path}' cannot be written: {e.Message} Check the permissions of the file and " +
                "its folder, or set AWS_SHARED_CREDENTIALS_FILE to another file.",
                e);
        }
    }

    private static string Home()
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        return string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home!;
    }

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal) ||
            path.StartsWith("~\\", StringComparison.Ordinal)
            ? Home() + path.Substring(1)
            : path;
}
