using MfaEnforcement.Core.Iam;
using Xunit;

namespace MfaEnforcement.Tests.Iam;

public sealed class IamNamesTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("svc+deploy=1,a.b@c_d-e")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void ValidUserName_PassesTheCheck(string name) => Assert.Null(IamNames.CheckUserName(name));

    [Theory]
    [InlineData("", "cannot be empty")]
    [InlineData("alice smith", "' ' is not allowed")]
    [InlineData("bob/admin", "'/' is not allowed")]
    [InlineData("a2345678901234567890123456789012345678901234567890123456789012345", "at most 64")]
    public void InvalidUserName_IsExplained(string name, string reason) =>
        Assert.Contains(reason, IamNames.CheckUserName(name));

    [Theory]
    [InlineData("svc-*")]
    [InlineData("dev?")]
    [InlineData("[ab]*")]
    public void WildcardPattern_PassesThePatternCheck(string pattern) =>
        Assert.Null(IamNames.CheckUserNamePattern(pattern));

    [Fact]
    public void WildcardPattern_IsStillRefusedForAPlainName() => Assert.NotNull(IamNames.CheckUserName("svc-*"));

    [Theory]
    [InlineData("svc-*", true)]
    [InlineData("alice", false)]
    public void HasWildcard_TellsPatternsFromNames(string text, bool expected) =>
        Assert.Equal(expected, IamNames.HasWildcard(text));

    [Theory]
    [InlineData("/", true)]
    [InlineData("/staff/", true)]
    [InlineData("/a/b/", true)]
    [InlineData("staff", false)]
    [InlineData("/staff", false)]
    [InlineData("/a b/", false)]
    public void CheckPath_FollowsIamsPathPattern(string path, bool valid) =>
        Assert.Equal(valid, IamNames.CheckPath(path) is null);

    [Fact]
    public void CheckPath_ShowsTheExampleGiven() =>
        Assert.Contains("'/teams/'", IamNames.CheckPath("teams", "/teams/"));
}
