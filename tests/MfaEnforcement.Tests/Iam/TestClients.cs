using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Tests.Iam;

/// <summary>Clients wired to a stub HTTP layer with fixed credentials, never the network.</summary>
internal static class TestClients
{
    public static IamClient Create(
        StubHttpHandler handler, string? endpointUrl = "http://127.0.0.1:1", int retries = 3) =>
        new(
            new IamConnectionOptions
            {
                AccessKeyId = "AKIAIOSFODNN7EXAMPLE",
                SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                EndpointUrl = endpointUrl,
                MaxErrorRetry = retries,
            },
            handler);
}
