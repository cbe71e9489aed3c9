using Xunit;

namespace MfaEnforcement.Tests.Audit;

/// <summary>The device type follows from the serial number.</summary>
public class MfaDeviceTests
{
    [Theory]
    [InlineData("arn:aws:iam::123456789012:mfa/alice-phone", MfaDeviceType.Virtual)]
    [InlineData("arn:aws:iam::123456789012:mfa/staff/alice", MfaDeviceType.Virtual)]
    [InlineData("arn:aws-cn:iam::123456789012:mfa/root-account-mfa-device", MfaDeviceType.Virtual)]
    [InlineData("arn:aws:iam::123456789012:u2f/user/alice/yubikey-ABCD", MfaDeviceType.SecurityKey)]
    [InlineData("GAHT12345678", MfaDeviceType.Hardware)]
    [InlineData("arn:aws:iam::123456789012:sms-mfa/alice", MfaDeviceType.Hardware)]
    public void TellsTheTypeFromTheSerialNumber(string serialNumber, MfaDeviceType expected)
    {
        Assert.Equal(expected, MfaDevice.TypeOf(serialNumber));
    }

    [Fact]
    public void ShowsTypeAndSerialNumber()
    {
        Assert.Equal("Hardware GAHT1", new MfaDevice("GAHT1", null).ToString());
    }
}
