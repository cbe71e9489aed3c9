using MfaEnforcement.Core.Devices;
using Xunit;

namespace MfaEnforcement.Tests.Devices;

public sealed class MfaSerialNumberTests
{
    [Theory]
    [InlineData("arn:aws:iam::123456789012:mfa/alice", true)]
    [InlineData("arn:aws:iam::123456789012:mfa/staff/alice-phone", true)]
    [InlineData("arn:aws-cn:iam::123456789012:mfa/alice", true)]
    [InlineData("arn:aws:iam::123456789012:u2f/user/alice/key-ABC", false)]
    [InlineData("GAHT12345678", false)]
    public void IsVirtual_FollowsTheArnResourceType(string serial, bool expected)
    {
        Assert.Equal(expected, MfaSerialNumber.IsVirtual(serial));
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:u2f/user/alice/key-ABC", true)]
    [InlineData("arn:aws:iam::123456789012:mfa/alice", false)]
    [InlineData("GAHT12345678", false)]
    public void IsSecurityKey_RecognisesFidoKeys(string serial, bool expected)
    {
        Assert.Equal(expected, MfaSerialNumber.IsSecurityKey(serial));
    }

    [Fact]
    public void AccountId_ComesFromTheArn()
    {
        Assert.Equal("123456789012", MfaSerialNumber.AccountId("arn:aws:iam::123456789012:mfa/alice"));
    }

    [Fact]
    public void AccountId_IsNullForAHardwareSerial()
    {
        Assert.Null(MfaSerialNumber.AccountId("GAHT12345678"));
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:mfa/alice")]
    [InlineData("GAHT12345678")]
    public void Check_AcceptsArnsAndHardwareSerials(string serial)
    {
        Assert.Null(MfaSerialNumber.Check(serial));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("arn:aws:iam::123456789012:mfa/al ice")]
    [InlineData("arn:aws:iam::123456789012:mfa/alice;rm")]
    public void Check_RefusesOtherText(string serial)
    {
        Assert.NotNull(MfaSerialNumber.Check(serial));
    }

    [Theory]
    [InlineData("alice", true)]
    [InlineData("alice.smith+phone@example", true)]
    [InlineData("alice phone", false)]
    [InlineData("alice/phone", false)]
    [InlineData("", false)]
    public void CheckDeviceName_FollowsIamRules(string name, bool valid)
    {
        Assert.Equal(valid, MfaSerialNumber.CheckDeviceName(name) is null);
    }
}
