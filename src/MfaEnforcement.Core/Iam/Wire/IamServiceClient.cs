using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace MfaEnforcement.Core.Iam.Wire;

/// <summary>
/// IAM on AWSSDK.Core's runtime pipeline (credentials, SigV4, retries, endpoint override). AWSSDK.IdentityManagement
/// is the SDK's own client for this; where it is available, <see cref="IamClient"/> is the one place to swap it in.
/// </summary>
internal sealed class IamServiceClient : AmazonServiceClient
{
    private static readonly IServiceMetadata s_metadata = new IamServiceMetadata();

    public IamServiceClient(AWSCredentials credentials, IamClientConfig config)
        : base(credentials, config)
    {
    }

    protected override IServiceMetadata ServiceMetadata => s_metadata;

    public Task<QueryResponse> CallAsync(
        string action,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        CancellationToken cancellationToken)
    {
        var options = new InvokeOptions
        {
            RequestMarshaller = QueryMarshaller.Instance,
            ResponseUnmarshaller = QueryUnmarshaller.Instance,
        };
        return InvokeAsync<QueryResponse>(new QueryRequest(action, parameters), options, cancellationToken);
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new IamEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new IamAuthSchemeHandler());
    }

    private sealed class IamServiceMetadata : IServiceMetadata
    {
        public string ServiceId => "IAM";

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}
