using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace MfaEnforcement.Core.Iam.Wire;

/// <summary>
/// Client configuration for IAM over AWSSDK.Core's runtime pipeline. Setting <see cref="ClientConfig.ServiceId"/>
/// to "IAM" is what makes the SDK honour <c>AWS_ENDPOINT_URL_IAM</c> and a profile's <c>endpoint_url</c>.
/// </summary>
internal sealed class IamClientConfig : ClientConfig
{
    internal const string ServiceVersionValue = "2010-05-08";

    private static readonly string s_userAgent =
        InternalSDKUtils.BuildUserAgentString("IAM", typeof(IamClientConfig).Assembly.GetName().Version!.ToString());

    private static readonly IamEndpointResolver s_resolver = new();

    public IamClientConfig()
        : base(new DefaultConfigurationProvider(IamDefaultConfigurations.All))
    {
        ServiceId = "IAM";
        AuthenticationServiceName = "iam";
        EndpointProvider = new IamEndpointProvider();
    }

    public override string RegionEndpointServiceName => "iam";

    public override string ServiceVersion => ServiceVersionValue;

    public override string UserAgent => s_userAgent;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        var requestContext = new RequestContext(false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, "IAM")
            {
                AlternateEndpoint = parameters.AlternateEndpoint,
            },
        };
        return s_resolver.GetEndpoint(new ExecutionContext(requestContext, null));
    }
}
