using System.Text;
using System.Xml;

namespace IamEndpoint.Protocol;

/// <summary>
/// The XML envelopes of the Query protocol: <c>{Action}Response</c> with an optional <c>{Action}Result</c> and
/// ResponseMetadata, or ErrorResponse.
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html#API_ListUsers_Examples
/// </summary>
internal static class ResponseWriter
{
    private static readonly XmlWriterSettings s_settings = new()
    {
        Encoding = new UTF8Encoding(false),
        OmitXmlDeclaration = true,
        Indent = false,
    };

    /// <summary>A success response whose result <paramref name="body"/> writes; nothing is kept if it throws.</summary>
    public static byte[] Success(Operation operation, string requestId, Action<XmlResult> body)
    {
        string ns = operation.Service.Namespace;
        using var buffer = new MemoryStream();
        using (XmlWriter writer = XmlWriter.Create(buffer, s_settings))
        {
            var result = new XmlResult(writer, ns);
            writer.WriteStartElement(operation.Action + "Response", ns);
            if (operation.HasResult)
            {
                writer.WriteStartElement(operation.Action + "Result", ns);
                body(result);
                writer.WriteEndElement();
            }
            else
            {
                body(result);
            }

            writer.WriteStartElement("ResponseMetadata", ns);
            writer.WriteElementString("RequestId", ns, requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    public static byte[] Error(ApiService service, ServiceException error, string requestId)
    {
        string ns = service.Namespace;
        using var buffer = new MemoryStream();
        using (XmlWriter writer = XmlWriter.Create(buffer, s_settings))
        {
            writer.WriteStartElement("ErrorResponse", ns);
            writer.WriteStartElement("Error", ns);
            writer.WriteElementString("Type", ns, error.FaultType);
            writer.WriteElementString("Code", ns, error.Code);
            writer.WriteElementString("Message", ns, error.Message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", ns, requestId);
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }
}
