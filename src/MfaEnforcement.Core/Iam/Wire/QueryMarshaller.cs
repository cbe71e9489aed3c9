using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Util;

namespace MfaEnforcement.Core.Iam.Wire;

/// <summary>
/// The one marshaller every IAM action shares: a form-encoded POST with <c>Action</c>, <c>Version</c> and the
/// request's parameters.
/// </summary>
internal sealed class QueryMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public static QueryMarshaller Instance { get; } = new();

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var query = (QueryRequest)input;
        var request = new DefaultRequest(input, "IAM") { HttpMethod = "POST" };
        request.Parameters.Add("Action", query.Action);
        request.Parameters.Add("Version", IamClientConfig.ServiceVersionValue);
        foreach (var parameter in query.Parameters)
        {
            request.Parameters.Add(parameter.Key, parameter.Value);
        }

        request.ContentStream = AWSSDKUtils.WriteParametersToPooledStream(request);
        return request;
    }
}
