using MfaEnforcement.Core.Devices;
using Xunit;

namespace MfaEnforcement.Tests.Devices;

public sealed class MfaCodesTests
{
    [Theory]
    [InlineData("123456")]
    [InlineData("000000")]
    [InlineData("012345")]
    public void SixDigits_AreAccepted(string code)
    {
        Assert.Null(MfaCodes.Check(code, "TokenCode"));
    }

    [Theory]
    [InlineData("12345", "has 5")]
    [InlineData("1234567", "has 7")]
    [InlineData("12a456", "other characters")]
    [InlineData("abcdef", "other characters")]
    [InlineData("123 456", "other characters")]
    [InlineData("١٢٣٤٥٦", "other characters")]
    [InlineData("", "empty")]
    public void OtherText_IsRefusedWithTheReason(string code, string reason)
    {
        Assert.Contains(reason, MfaCodes.Check(code, "TokenCode"));
    }

    [Fact]
    public void Message_NamesTheParameter()
    {
        Assert.StartsWith("-AuthenticationCode2 ", MfaCodes.Check("1", "AuthenticationCode2"));
    }

    [Fact]
    public void Message_NeverRepeatsTheCode()
    {
        Assert.DoesNotContain("98765", MfaCodes.Check("98765", "TokenCode"));
    }
}
