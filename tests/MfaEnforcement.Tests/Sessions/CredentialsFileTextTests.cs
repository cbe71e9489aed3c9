using System.Collections.Generic;
using MfaEnforcement.Core.Sessions;
using Xunit;

namespace MfaEnforcement.Tests.Sessions;

public sealed class CredentialsFileTextTests
{
    /// <summary>Three profiles, comments of both kinds, odd spacing and a blank line: all must survive.</summary>
    internal const string ThreeProfiles =
        "# Work accounts, managed by hand\n" +
        "[default]\n" +
        "aws_access_key_id = AKIAAAAAAAAAAAAAAAAA\n" +
        "aws_secret_access_key=secretA   \n" +
        "\n" +
        "; the build server's key\n" +
        "[ci]\n" +
        "aws_access_key_id=AKIABBBBBBBBBBBBBBBB\n" +
        "aws_secret_access_key = secretB\n" +
        "region = eu-west-1 # comment after a value\n" +
        "\n" +
        "[  audit  ]\n" +
        "\taws_access_key_id = AKIACCCCCCCCCCCCCCCC\n" +
        "aws_secret_access_key = secretC\n";

    private static readonly KeyValuePair<string, string?>[] s_session =
    [
        new("aws_access_key_id", "ASIANEW"),
        new("aws_secret_access_key", "secretNew"),
        new("aws_session_token", "tokenNew"),
    ];

    [Fact]
    public void NewProfile_IsAppendedAfterEveryByteOfTheFile()
    {
        var text = CredentialsFileText.SetProfile(ThreeProfiles, "mfa", s_session);

        Assert.StartsWith(ThreeProfiles, text);
    }

    [Fact]
    public void NewProfile_IsASectionOfItsOwnAfterABlankLine()
    {
        var text = CredentialsFileText.SetProfile(ThreeProfiles, "mfa", s_session);

        Assert.Equal(
            "\n[mfa]\naws_access_key_id = ASIANEW\naws_secret_access_key = secretNew\naws_session_token = tokenNew\n",
            text.Substring(ThreeProfiles.Length));
    }

    [Fact]
    public void ExistingProfile_IsChangedInPlace_LeavingTheLinesAroundIt()
    {
        var before = "[a]\nx = 1\n\n# about mfa\n[mfa]\naws_access_key_id = ASIAOLD\nregion = us-east-1\n" +
            "aws_session_token = tokenOld\n# about b\n[b]\ny = 2\n";

        var text = CredentialsFileText.SetProfile(before, "mfa", s_session);

        Assert.Equal(
            "[a]\nx = 1\n\n# about mfa\n[mfa]\naws_access_key_id = ASIANEW\nregion = us-east-1\n" +
            "aws_session_token = tokenNew\naws_secret_access_key = secretNew\n# about b\n[b]\ny = 2\n",
            text);
    }

    [Fact]
    public void WindowsLineEndings_AreKept()
    {
        var before = "[a]\r\nx = 1\r\n";

        var text = CredentialsFileText.SetProfile(before, "mfa", s_session);

        Assert.Equal(
            "[a]\r\nx = 1\r\n\r\n[mfa]\r\naws_access_key_id = ASIANEW\r\naws_secret_access_key = secretNew\r\n" +
            "aws_session_token = tokenNew\r\n",
            text);
    }

    [Fact]
    public void FileWithoutFinalNewLine_GetsOneBeforeTheNewSection()
    {
        var text = CredentialsFileText.SetProfile("[a]\nx = 1", "mfa", [new("k", "v")]);

        Assert.Equal("[a]\nx = 1\n\n[mfa]\nk = v\n", text);
    }

    [Fact]
    public void LastSectionWithoutFinalNewLine_KeepsHavingNone()
    {
        var text = CredentialsFileText.SetProfile("[mfa]\nx = 1", "mfa", [new("k", "v")]);

        Assert.Equal("[mfa]\nx = 1\nk = v", text);
    }

    [Fact]
    public void EmptyFile_GetsJustTheSection()
    {
        Assert.Equal("[mfa]\nk = v\n", CredentialsFileText.SetProfile(string.Empty, "mfa", [new("k", "v")]));
    }

    [Fact]
    public void NullValue_RemovesTheKey()
    {
        var text = CredentialsFileText.SetProfile("[mfa]\na = 1\nb = 2\n", "mfa", [new("a", null)]);

        Assert.Equal("[mfa]\nb = 2\n", text);
    }

    [Fact]
    public void KeysInOtherSections_AreNotTouched()
    {
        var text = CredentialsFileText.SetProfile("[ci]\nk = 1\n[mfa]\n", "mfa", [new("k", "2")]);

        Assert.Equal("[ci]\nk = 1\n[mfa]\nk = 2\n", text);
    }

    [Fact]
    public void CommentedOutKey_IsNotTakenForAKey()
    {
        var text = CredentialsFileText.SetProfile("[mfa]\n# k = old\n", "mfa", [new("k", "new")]);

        Assert.Equal("[mfa]\nk = new\n# k = old\n", text);
    }

    [Fact]
    public void ProfileNames_AreCaseSensitive()
    {
        Assert.Null(CredentialsFileText.ReadProfile("[MFA]\nk = v\n", "mfa"));
    }

    [Fact]
    public void ReadProfile_FindsAHeaderWithSpaces()
    {
        Assert.Equal("secretC", CredentialsFileText.ReadProfile(ThreeProfiles, "audit")!["aws_secret_access_key"]);
    }

    [Fact]
    public void ReadProfile_TrimsValues()
    {
        Assert.Equal("secretA", CredentialsFileText.ReadProfile(ThreeProfiles, "default")!["aws_secret_access_key"]);
    }

    [Fact]
    public void ReadProfile_ComparesKeysIgnoringCase()
    {
        var values = CredentialsFileText.ReadProfile("[mfa]\nAWS_Session_Token = v\n", "mfa")!;

        Assert.Equal("v", values["aws_session_token"]);
    }

    [Theory]
    [InlineData("mfa", true)]
    [InlineData("work-mfa_2.prod@acme", true)]
    [InlineData("", false)]
    [InlineData("my profile", false)]
    [InlineData("a]b", false)]
    [InlineData("a#b", false)]
    public void CheckProfileName_AllowsWhatASectionHeaderCanHold(string name, bool valid)
    {
        Assert.Equal(valid, CredentialsFileText.CheckProfileName(name) is null);
    }
}
