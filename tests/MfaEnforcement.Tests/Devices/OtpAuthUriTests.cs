using System;
using System.Linq;
using MfaEnforcement.Core.Devices;
using OtpNet;
using Xunit;

namespace MfaEnforcement.Tests.Devices;

public sealed class OtpAuthUriTests
{
    private const string Seed = FakeMfaIamClient.Seed;

    [Fact]
    public void Build_WritesAwsIssuerLabelAndParameters()
    {
        Assert.Equal(
            "otpauth://totp/Amazon%20Web%20Services:alice%40123456789012?secret=" + Seed +
            "&issuer=Amazon%20Web%20Services&algorithm=SHA1&digits=6&period=30",
            OtpAuthUri.Build("alice", "123456789012", Seed));
    }

    [Fact]
    public void Build_EscapesTheDeviceName()
    {
        Assert.Contains(
            ":alice.smith%2Bphone%40123456789012?",
            OtpAuthUri.Build("alice.smith+phone", "123456789012", Seed));
    }

    [Fact]
    public void Build_WithoutAccount_UsesTheDeviceNameAlone()
    {
        Assert.Contains("Services:alice?", OtpAuthUri.Build("alice", null, Seed));
    }

    [Fact]
    public void Secret_GivesTheSameCodesAsTheSeed()
    {
        var uri = new Uri(OtpAuthUri.Build("alice", "123456789012", Seed));
        var secret = uri.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("secret=")).Substring(7);
        var time = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(
            new Totp(Base32Encoding.ToBytes(Seed)).ComputeTotp(time),
            new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(time));
    }
}
