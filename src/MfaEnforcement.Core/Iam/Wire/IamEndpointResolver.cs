using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace MfaEnforcement.Core.Iam.Wire;

/// <summary>Maps the client configuration into the parameters <see cref="IamEndpointProvider"/> reads.</summary>
internal sealed class IamEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        var parameters = new EndpointParameters();
        parameters["Region"] = requestContext.Request.AlternateEndpoint?.SystemName
            ?? config.RegionEndpoint?.SystemName
            ?? config.AuthenticationRegion;
        parameters["UseFIPS"] = config.UseFIPSEndpoint;
        parameters["UseDualStack"] = config.UseDualstackEndpoint;
        parameters["Endpoint"] = config.ServiceURL;
        return parameters;
    }
}
