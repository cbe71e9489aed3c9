namespace IamEndpoint.Operations.Simulation;

/// <summary>A policy of the simulated principal, named the way SimulatePrincipalPolicy reports it.</summary>
/// <param name="SourcePolicyId">The policy's name (inline, or the managed policy's name).</param>
/// <param name="SourcePolicyType">user, group, user-managed or aws-managed.</param>
/// <param name="Document">The policy document as stored.</param>
internal sealed record SimulationPolicy(string SourcePolicyId, string SourcePolicyType, string Document);

/// <summary>A context key the caller supplied (ContextEntries), with its declared type.</summary>
internal sealed record SimulationContextEntry(string Key, string Type, IReadOnlyList<string> Values);

/// <summary>The simulated principal: a user (name and id fill aws:username and aws:userid) or a group.</summary>
internal sealed record SimulationPrincipal(string Arn, string AccountId, string? UserName, string? UserId);

/// <summary>One action on one resource, against every policy of the principal.</summary>
internal sealed record SimulationRequest(
    SimulationPrincipal Principal,
    IReadOnlyList<SimulationPolicy> Policies,
    string Action,
    string Resource,
    IReadOnlyList<SimulationContextEntry> Context);

/// <summary>A line and column in a policy document, both starting at 1.</summary>
internal sealed record SimulationPosition(int Line, int Column);

internal sealed record SimulationStatement(
    string SourcePolicyId,
    string SourcePolicyType,
    SimulationPosition? Start,
    SimulationPosition? End);

/// <summary>The decision: allowed, explicitDeny or implicitDeny, and the statements that decided it.</summary>
internal sealed record SimulationDecision(
    string Decision,
    IReadOnlyList<SimulationStatement> MatchedStatements,
    IReadOnlyList<string> MissingContextValues);

/// <summary>
/// The decision logic behind SimulatePrincipalPolicy, kept apart from the wire format so the module's own
/// evaluator can answer it.
/// </summary>
internal interface IPolicySimulator
{
    SimulationDecision Evaluate(SimulationRequest request);
}
