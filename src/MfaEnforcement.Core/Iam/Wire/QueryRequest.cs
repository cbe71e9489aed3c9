using System.Collections.Generic;
using Amazon.Runtime;

namespace MfaEnforcement.Core.Iam.Wire;

/// <summary>One Query-protocol call: an action and its form parameters, already flattened.</summary>
internal sealed class QueryRequest : AmazonWebServiceRequest
{
    public QueryRequest(string action, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        Action = action;
        Parameters = parameters;
    }

    public string Action { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }
}
