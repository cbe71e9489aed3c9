using System;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Sessions;
using Xunit;

namespace MfaEnforcement.Tests.Sessions;

public sealed class SessionReuseTests
{
    private const string Source = "profile:work";
    private const string Serial = "arn:aws:iam::123456789012:mfa/alice";
    private static readonly DateTime s_now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ValidSession_FromSameSourceAndDevice_IsReused()
    {
        Assert.True(SessionReuse.Decide(Stored(TimeSpan.FromHours(11)), Source, Serial, s_now, false).Reuse);
    }

    [Fact]
    public void ValidSession_WhenNoDeviceIsNamed_IsReused()
    {
        Assert.True(SessionReuse.Decide(Stored(TimeSpan.FromHours(11)), Source, null, s_now, false).Reuse);
    }

    [Fact]
    public void SixteenMinutesLeft_IsEnough()
    {
        Assert.True(SessionReuse.Decide(Stored(TimeSpan.FromMinutes(16)), Source, Serial, s_now, false).Reuse);
    }

    [Fact]
    public void FifteenMinutesLeft_IsNotEnough()
    {
        Assert.False(SessionReuse.Decide(Stored(TimeSpan.FromMinutes(15)), Source, Serial, s_now, false).Reuse);
    }

    [Fact]
    public void ExpiredSession_IsNotReused()
    {
        var decision = SessionReuse.Decide(Stored(TimeSpan.FromMinutes(-1)), Source, Serial, s_now, false);

        Assert.Contains("expired", decision.Reason);
    }

    [Fact]
    public void Force_AlwaysRenews()
    {
        Assert.False(SessionReuse.Decide(Stored(TimeSpan.FromHours(11)), Source, Serial, s_now, true).Reuse);
    }

    [Fact]
    public void NoSession_IsRenewed()
    {
        Assert.False(SessionReuse.Decide(null, Source, Serial, s_now, false).Reuse);
    }

    [Fact]
    public void OtherSource_IsNotReused()
    {
        Assert.False(SessionReuse.Decide(Stored(TimeSpan.FromHours(11)), "default", Serial, s_now, false).Reuse);
    }

    [Fact]
    public void OtherDevice_IsNotReused()
    {
        var other = "arn:aws:iam::123456789012:mfa/alice-backup";

        Assert.False(SessionReuse.Decide(Stored(TimeSpan.FromHours(11)), Source, other, s_now, false).Reuse);
    }

    [Fact]
    public void Reason_NeverShowsTheSecret()
    {
        var decision = SessionReuse.Decide(Stored(TimeSpan.FromHours(11)), Source, Serial, s_now, false);

        Assert.DoesNotContain("SECRET", decision.Reason);
    }

    [Theory]
    [InlineData("work", null, "profile:work")]
    [InlineData(null, "AKIAEXAMPLE", "key:AKIAEXAMPLE")]
    [InlineData(null, null, "default")]
    public void Source_IsNamedByProfileKeyOrDefaultChain(string? profile, string? key, string expected)
    {
        Assert.Equal(expected, SessionSource.Describe(profile, key));
    }

    private static StoredSession Stored(TimeSpan remaining) =>
        new(Source, Serial, new SessionCredentials("ASIAEXAMPLE", "SECRET", "TOKEN", s_now + remaining));
}
