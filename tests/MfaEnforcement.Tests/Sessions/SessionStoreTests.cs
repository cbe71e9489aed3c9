using System;
using System.IO;
using System.Linq;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Sessions;
using Xunit;

namespace MfaEnforcement.Tests.Sessions;

public sealed class SessionStoreTests : IDisposable
{
    private const string Serial = "arn:aws:iam::123456789012:mfa/alice";
    private static readonly DateTime s_now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("mfa-sessions-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Profile_SaveThenFind_GivesTheSessionBack()
    {
        var store = new ProfileSessionStore(CredentialsFile(), "mfa");

        store.Save(Session("profile:work", "ASIAONE"), s_now);

        Assert.Equal(
            ("profile:work", Serial, "ASIAONE", "secret-ASIAONE", "token-ASIAONE", s_now.AddHours(12)),
            Fields(store.Find("profile:work", Serial)!));
    }

    [Fact]
    public void Profile_Save_KeepsEveryOtherByteOfTheFile()
    {
        var file = CredentialsFile(CredentialsFileTextTests.ThreeProfiles);

        new ProfileSessionStore(file, "mfa").Save(Session("profile:work", "ASIAONE"), s_now);

        Assert.StartsWith(CredentialsFileTextTests.ThreeProfiles, File.ReadAllText(file.Path));
    }

    [Fact]
    public void Profile_Save_WritesStandardKeysTheSdksRead()
    {
        var file = CredentialsFile();

        new ProfileSessionStore(file, "mfa").Save(Session("default", "ASIAONE"), s_now);

        Assert.Equal("token-ASIAONE", CredentialsFileText.ReadProfile(file.ReadText(), "mfa")!["aws_session_token"]);
    }

    [Fact]
    public void Profile_Save_LeavesTheFileOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var file = CredentialsFile("[a]\nk = v\n");
        File.SetUnixFileMode(file.Path, (UnixFileMode)0b110_100_100);

        new ProfileSessionStore(file, "mfa").Save(Session("default", "ASIAONE"), s_now);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
    }

    [Fact]
    public void Profile_Save_LeavesNoTemporaryFile()
    {
        var file = CredentialsFile("[a]\nk = v\n");

        new ProfileSessionStore(file, "mfa").Save(Session("default", "ASIAONE"), s_now);

        Assert.Equal(["credentials"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Profile_WithLongTermKey_CannotBeSavedOver()
    {
        var file = CredentialsFile(CredentialsFileTextTests.ThreeProfiles);

        var error = Assert.Throws<MfaSessionException>(() => new ProfileSessionStore(file, "ci").CheckCanSave());

        Assert.Equal(MfaSessionException.ProfileHoldsLongTermKey, error.Reason);
    }

    [Fact]
    public void Profile_WithSession_CanBeSavedOver()
    {
        var file = CredentialsFile("[mfa]\naws_access_key_id = ASIAOLD\naws_session_token = t\n");

        new ProfileSessionStore(file, "mfa").CheckCanSave();
    }

    [Fact]
    public void Profile_WithoutOurKeys_HasNoSessionToReuse()
    {
        var file = CredentialsFile(
            "[mfa]\naws_access_key_id = ASIAOLD\naws_secret_access_key = s\naws_session_token = t\n");

        Assert.Null(new ProfileSessionStore(file, "mfa").Find("default", null));
    }

    [Fact]
    public void Cache_SaveThenFind_GivesTheSessionBack()
    {
        var cache = new SessionCacheFile(Path.Combine(_folder, "cache", "sessions.json"));

        cache.Save(Session("default", "ASIAONE"), s_now);

        Assert.Equal(
            ("default", Serial, "ASIAONE", "secret-ASIAONE", "token-ASIAONE", s_now.AddHours(12)),
            Fields(cache.Find("default", Serial)!));
    }

    [Fact]
    public void Cache_KeepsSessionsOfOtherSources()
    {
        var cache = new SessionCacheFile(Path.Combine(_folder, "sessions.json"));
        cache.Save(Session("default", "ASIAONE"), s_now);

        cache.Save(Session("profile:work", "ASIATWO"), s_now);

        Assert.Equal("ASIAONE", cache.Find("default", null)!.Credentials.AccessKeyId);
    }

    [Fact]
    public void Cache_ReplacesTheSessionOfTheSameSourceAndDevice()
    {
        var cache = new SessionCacheFile(Path.Combine(_folder, "sessions.json"));
        cache.Save(Session("default", "ASIAONE"), s_now);

        cache.Save(Session("default", "ASIATWO"), s_now);

        Assert.Equal("ASIATWO", cache.Find("default", Serial)!.Credentials.AccessKeyId);
    }

    [Fact]
    public void Cache_DropsExpiredSessionsWhenWritten()
    {
        var cache = new SessionCacheFile(Path.Combine(_folder, "sessions.json"));
        cache.Save(Session("profile:old", "ASIAOLD"), s_now);

        cache.Save(Session("default", "ASIANEW"), s_now.AddDays(1));

        Assert.Null(cache.Find("profile:old", null));
    }

    [Fact]
    public void Cache_Damaged_CountsAsEmpty()
    {
        var path = Path.Combine(_folder, "sessions.json");
        File.WriteAllText(path, "{ not json");

        Assert.Null(new SessionCacheFile(path).Find("default", null));
    }

    [Fact]
    public void Cache_IsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var cache = new SessionCacheFile(Path.Combine(_folder, "sessions.json"));

        cache.Save(Session("default", "ASIAONE"), s_now);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cache.Path));
    }

    [Fact]
    public void Cache_LivesBesideTheCredentialsFile()
    {
        var cache = SessionCacheFile.Beside(CredentialsFile());

        Assert.Equal(Path.Combine(_folder, "mfaenforcement", "sessions.json"), cache.Path);
    }

    [Fact]
    public void PrivateFile_WithoutOverwrite_RefusesAnExistingFile()
    {
        var path = Path.Combine(_folder, "x");
        File.WriteAllText(path, "keep");

        Assert.Throws<IOException>(() => PrivateFile.Write(path, [1], overwrite: false));
    }

    [Fact]
    public void PrivateFile_Replace_CreatesMissingFolders()
    {
        var path = Path.Combine(_folder, "a", "b", "x");

        PrivateFile.Replace(path, [1, 2]);

        Assert.Equal([1, 2], File.ReadAllBytes(path));
    }

    private SharedCredentialsFile CredentialsFile(string? content = null)
    {
        var path = Path.Combine(_folder, "credentials");
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        return new SharedCredentialsFile(path);
    }

    private static StoredSession Session(string source, string keyId) =>
        new(source, Serial, new SessionCredentials(keyId, "secret-" + keyId, "token-" + keyId, s_now.AddHours(12)));

    private static (string, string, string, string, string, DateTime) Fields(StoredSession s) =>
        (s.Source, s.SerialNumber, s.Credentials.AccessKeyId, s.Credentials.SecretAccessKey,
            s.Credentials.SessionToken, s.Expiration);
}
