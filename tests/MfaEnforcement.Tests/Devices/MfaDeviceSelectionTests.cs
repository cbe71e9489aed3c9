using System;
using System.Collections.Generic;
using MfaEnforcement.Core.Devices;
using MfaEnforcement.Core.Iam;
using Xunit;

namespace MfaEnforcement.Tests.Devices;

public sealed class MfaDeviceSelectionTests
{
    private const string Phone = "arn:aws:iam::123456789012:mfa/alice";
    private const string Key = "arn:aws:iam::123456789012:u2f/user/alice/key-ABC";
    private const string Token = "GAHT12345678";
    private const string BobsPhone = "arn:aws:iam::123456789012:mfa/bob";

    [Fact]
    public void ForReset_WithoutSerial_TakesEveryDevice()
    {
        Assert.Equal(3, MfaDeviceSelection.ForReset("alice", Devices(Phone, Key, Token), null).Count);
    }

    [Fact]
    public void ForReset_WithTheUsersSerial_TakesThatDevice()
    {
        var selected = MfaDeviceSelection.ForReset("alice", Devices(Phone, Token), Token);

        Assert.Equal(Token, Assert.Single(selected).SerialNumber);
    }

    [Fact]
    public void ForReset_WithAnotherUsersSerial_IsRefused()
    {
        var error = Assert.Throws<MfaDeviceException>(
            () => MfaDeviceSelection.ForReset("alice", Devices(Phone), BobsPhone));

        Assert.Equal(MfaDeviceException.SerialNumberNotOwned, error.Reason);
    }

    [Fact]
    public void ForReset_WithoutDevices_TakesNone()
    {
        Assert.Empty(MfaDeviceSelection.ForReset("alice", Devices(), null));
    }

    [Fact]
    public void ForSession_WithOneDevice_TakesIt()
    {
        Assert.Equal(Phone, MfaDeviceSelection.ForSession("alice", Devices(Phone), null));
    }

    [Fact]
    public void ForSession_PassesOverSecurityKeys()
    {
        Assert.Equal(Phone, MfaDeviceSelection.ForSession("alice", Devices(Key, Phone), null));
    }

    [Fact]
    public void ForSession_WithTheCallersSerial_TakesIt()
    {
        Assert.Equal(Token, MfaDeviceSelection.ForSession("alice", Devices(Phone, Token), Token));
    }

    [Theory]
    [InlineData(MfaDeviceException.SerialNumberNotOwned, BobsPhone, new[] { Phone })]
    [InlineData(MfaDeviceException.NoMfaDevice, null, new string[0])]
    [InlineData(MfaDeviceException.NoCodeDevice, null, new[] { Key })]
    [InlineData(MfaDeviceException.AmbiguousSerialNumber, null, new[] { Phone, Token })]
    public void ForSession_RefusesWithTheReason(string reason, string? serial, string[] serials)
    {
        var error = Assert.Throws<MfaDeviceException>(
            () => MfaDeviceSelection.ForSession("alice", Devices(serials), serial));

        Assert.Equal(reason, error.Reason);
    }

    private static List<MfaDeviceInfo> Devices(params string[] serials) =>
        [.. Array.ConvertAll(serials, s => new MfaDeviceInfo("alice", s, DateTime.UtcNow))];
}
