using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace MfaEnforcement.Core.Iam.Wire;

/// <summary>
/// The SDK's defaults modes for this client: standard retries everywhere and the connect timeouts AWS documents
/// for each mode, so an unreachable endpoint fails within seconds.
/// </summary>
internal static class IamDefaultConfigurations
{
    public static IEnumerable<IDefaultConfiguration> All { get; } = new IDefaultConfiguration[]
    {
        Create(DefaultConfigurationMode.Standard, 3100),
        Create(DefaultConfigurationMode.InRegion, 1100),
        Create(DefaultConfigurationMode.CrossRegion, 3100),
        Create(DefaultConfigurationMode.Mobile, 30000),
        Create(DefaultConfigurationMode.Auto, 1100),
    };

    private static DefaultConfiguration Create(DefaultConfigurationMode mode, int connectTimeoutMs) => new()
    {
        Name = mode,
        RetryMode = RequestRetryMode.Standard,
        S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
        ConnectTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
        TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
    };
}
