using System.Xml.Linq;
using Amazon.Runtime;

namespace MfaEnforcement.Core.Iam.Wire;

/// <summary>The <c>...Result</c> element of a Query-protocol response, for the typed readers to take apart.</summary>
internal sealed class QueryResponse : AmazonWebServiceResponse
{
    public XElement Result { get; set; } = new("Result");
}
