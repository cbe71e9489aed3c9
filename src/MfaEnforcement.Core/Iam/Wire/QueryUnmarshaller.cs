using System;
using System.Linq;
using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace MfaEnforcement.Core.Iam.Wire;

/// <summary>
/// The one unmarshaller every IAM action shares: it hands the <c>...Result</c> element to the typed readers and
/// turns AWS's error XML into <see cref="IamServiceException"/>.
/// </summary>
internal sealed class QueryUnmarshaller : XmlResponseUnmarshaller
{
    public static QueryUnmarshaller Instance { get; } = new();

    public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext input)
    {
        var document = XDocument.Load(input.Stream);
        var root = document.Root ?? new XElement("Response");
        var result = root.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("Result", StringComparison.Ordinal));
        var requestId = root.Elements().FirstOrDefault(e => e.Name.LocalName == "ResponseMetadata")
            ?.Elements().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;

        var response = new QueryResponse { Result = result ?? new XElement("Result") };
        response.ResponseMetadata = new ResponseMetadata { RequestId = requestId };
        return response;
    }

    public override AmazonServiceException UnmarshallException(
        XmlUnmarshallerContext input,
        Exception innerException,
        HttpStatusCode statusCode)
    {
        var error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(input);
        return new IamServiceException(
            error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
    }
}
