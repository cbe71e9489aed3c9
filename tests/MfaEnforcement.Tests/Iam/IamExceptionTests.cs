using MfaEnforcement.Core.Iam;
using Xunit;

namespace MfaEnforcement.Tests.Iam;

public sealed class IamExceptionTests
{
    [Theory]
    [InlineData(IamException.NoCredentials, true)]
    [InlineData(IamException.ProfileNotFound, true)]
    [InlineData(IamException.EndpointUnreachable, true)]
    [InlineData("InvalidClientTokenId", true)]
    [InlineData("SignatureDoesNotMatch", true)]
    [InlineData("ExpiredToken", true)]
    [InlineData("MissingAuthenticationToken", true)]
    [InlineData("NoSuchEntity", false)]
    [InlineData("AccessDenied", false)]
    [InlineData("LimitExceeded", false)]
    [InlineData("Throttling", false)]
    public void ConcernsEveryCall_OnlyForFailuresThatNoOtherItemWouldEscape(string code, bool expected)
    {
        var error = new IamException("GetUser", code, "message");

        Assert.Equal(expected, error.ConcernsEveryCall);
    }

    [Theory]
    [InlineData("NoSuchEntity", true)]
    [InlineData("EntityAlreadyExists", false)]
    public void IsNotFound_MeansNoSuchEntity(string code, bool expected)
    {
        Assert.Equal(expected, new IamException("GetUser", code, "message").IsNotFound);
    }
}
