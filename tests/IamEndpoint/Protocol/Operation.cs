using IamEndpoint.Account;
using IamEndpoint.Operations.Simulation;

namespace IamEndpoint.Protocol;

/// <summary>What an operation handler works with: the request, the account (under its lock), the caller.</summary>
internal sealed class OperationContext(
    QueryParameters request,
    AccountState account,
    Caller caller,
    XmlResult result,
    DateTime now,
    IPolicySimulator simulator)
{
    public QueryParameters Request { get; } = request;

    public AccountState Account { get; } = account;

    public Caller Caller { get; } = caller;

    /// <summary>Writes inside the <c>{Action}Result</c> element.</summary>
    public XmlResult Result { get; } = result;

    /// <summary>The request's time, whole seconds in UTC.</summary>
    public DateTime Now { get; } = now;

    public IPolicySimulator Simulator { get; } = simulator;
}

/// <summary>
/// One API action. <see cref="HasResult"/> is false for actions whose response holds only ResponseMetadata.
/// </summary>
internal sealed record Operation(string Action, ApiService Service, bool HasResult, Action<OperationContext> Handler);

/// <summary>The actions this endpoint serves, by name.</summary>
internal sealed class OperationTable
{
    private readonly Dictionary<string, Operation> _operations = new(StringComparer.Ordinal);

    public void Iam(string action, Action<OperationContext> handler) =>
        Add(new Operation(action, ApiService.Iam, true, handler));

    /// <summary>An IAM action whose response carries no result element.</summary>
    public void IamNoResult(string action, Action<OperationContext> handler) =>
        Add(new Operation(action, ApiService.Iam, false, handler));

    public void Sts(string action, Action<OperationContext> handler) =>
        Add(new Operation(action, ApiService.Sts, true, handler));

    public bool TryGet(string action, out Operation operation) =>
        _operations.TryGetValue(action, out operation!);

    private void Add(Operation operation) => _operations.Add(operation.Action, operation);
}
