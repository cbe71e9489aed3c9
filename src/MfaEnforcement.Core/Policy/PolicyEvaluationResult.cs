using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>The outcome of evaluating identity policies for one request.</summary>
public enum PolicyDecision
{
    /// <summary>An Allow statement matches and no Deny does.</summary>
    Allowed,

    /// <summary>A Deny statement matches; nothing can override it.</summary>
    ExplicitDeny,

    /// <summary>No statement matches: denied by default.</summary>
    ImplicitDeny,

    /// <summary>The outcome depends on something the offline evaluator cannot decide; see the reason.</summary>
    CannotEvaluate,
}

/// <summary>Points at one statement: the policy's name, the statement's index and its Sid.</summary>
public sealed class StatementReference
{
    /// <summary>Creates a reference.</summary>
    public StatementReference(string policyName, int index, string? sid, PolicyEffect effect)
    {
        PolicyName = policyName ?? throw new ArgumentNullException(nameof(policyName));
        Index = index;
        Sid = sid;
        Effect = effect;
    }

    /// <summary>The policy the statement is in.</summary>
    public string PolicyName { get; }

    /// <summary>The zero-based index of the statement in its policy.</summary>
    public int Index { get; }

    /// <summary>The statement's Sid, if it has one.</summary>
    public string? Sid { get; }

    /// <summary>The statement's effect.</summary>
    public PolicyEffect Effect { get; }

    /// <summary><c>Policy/Sid</c>, or <c>Policy#index</c> for a statement without a Sid.</summary>
    public override string ToString() => Sid is null ? $"{PolicyName}#{Index}" : $"{PolicyName}/{Sid}";
}

/// <summary>
/// The decision for one request, the statements that decided it (the matching denies for an explicit deny, the
/// matching allows for an allow, the undecidable statements for <see cref="PolicyDecision.CannotEvaluate"/>),
/// and the reason when it cannot be decided.
/// </summary>
public sealed class PolicyEvaluationResult
{
    /// <summary>Creates a result.</summary>
    public PolicyEvaluationResult(PolicyDecision decision, IEnumerable<StatementReference> decidingStatements,
        string? reason = null)
    {
        Decision = decision;
        DecidingStatements = decidingStatements?.ToArray()
            ?? throw new ArgumentNullException(nameof(decidingStatements));
        Reason = reason;
    }

    /// <summary>The decision.</summary>
    public PolicyDecision Decision { get; }

    /// <summary>The statements that decided; empty for an implicit deny.</summary>
    public IReadOnlyList<StatementReference> DecidingStatements { get; }

    /// <summary>For <see cref="PolicyDecision.CannotEvaluate"/>, what could not be decided.</summary>
    public string? Reason { get; }

    /// <summary>The names of the policies whose statements decided, each once.</summary>
    public IReadOnlyList<string> DecidingPolicies =>
        DecidingStatements.Select(s => s.PolicyName).Distinct(StringComparer.Ordinal).ToArray();

    /// <inheritdoc/>
    public override string ToString()
    {
        string by = DecidingStatements.Count == 0 ? string.Empty : " by " + string.Join(", ", DecidingStatements);
        return Reason is null ? $"{Decision}{by}" : $"{Decision}{by}: {Reason}";
    }
}
