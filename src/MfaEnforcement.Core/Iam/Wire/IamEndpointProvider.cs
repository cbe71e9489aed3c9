using System;
using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace MfaEnforcement.Core.Iam.Wire;

/// <summary>
/// Resolves the IAM endpoint: the partition's global endpoint, signed for the partition's signing region, or the
/// configured ServiceURL. See https://docs.aws.amazon.com/general/latest/gr/iam-service.html.
/// </summary>
internal sealed class IamEndpointProvider : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }

        var partition = IamPartition.FromRegion(parameters["Region"] as string);
        var useFips = parameters["UseFIPS"] is true;
        var url = parameters["Endpoint"] as string;
        if (string.IsNullOrEmpty(url))
        {
            url = useFips ? partition.FipsEndpoint : partition.Endpoint;
        }

        var authSchemes = string.Format(
            CultureInfo.InvariantCulture,
            "{{\"authSchemes\":[{{\"name\":\"sigv4\",\"signingName\":\"iam\",\"signingRegion\":\"{0}\"}}]}}",
            partition.SigningRegion);
        return new Endpoint(url, authSchemes, null);
    }
}
