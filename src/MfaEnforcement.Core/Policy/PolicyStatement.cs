using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// One statement of a policy: an effect, the actions it covers (<c>Action</c>, or every action except those in
/// <c>NotAction</c>), the resources (<c>Resource</c> or <c>NotResource</c>), and the conditions under which it
/// applies. See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html.
/// </summary>
public sealed class PolicyStatement
{
    private static readonly string[] s_none = Array.Empty<string>();

    /// <summary>
    /// Creates a statement. Exactly one of <paramref name="actions"/> and <paramref name="notActions"/> must be
    /// given, and one of <paramref name="resources"/> and <paramref name="notResources"/> unless the statement
    /// names a principal (a trust policy).
    /// </summary>
    public PolicyStatement(
        PolicyEffect effect,
        IEnumerable<string>? actions = null,
        IEnumerable<string>? notActions = null,
        IEnumerable<string>? resources = null,
        IEnumerable<string>? notResources = null,
        IEnumerable<PolicyCondition>? conditions = null,
        string? sid = null,
        PolicyPrincipal? principal = null,
        PolicyPrincipal? notPrincipal = null)
    {
        Effect = effect;
        Sid = sid;
        Principal = principal;
        NotPrincipal = notPrincipal;
        Actions = actions?.ToArray() ?? s_none;
        NotActions = notActions?.ToArray() ?? s_none;
        Resources = resources?.ToArray() ?? s_none;
        NotResources = notResources?.ToArray() ?? s_none;
        Conditions = conditions?.ToArray() ?? Array.Empty<PolicyCondition>();

        string name = sid ?? "statement";
        if ((actions is null) == (notActions is null))
        {
            throw new ArgumentException($"The {name} needs exactly one of Action and NotAction.", nameof(actions));
        }

        if (Actions.Count + NotActions.Count == 0 || Actions.Concat(NotActions).Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"The {name} needs at least one action, and no empty one.", nameof(actions));
        }

        if (resources is not null && notResources is not null)
        {
            throw new ArgumentException($"The {name} takes Resource or NotResource, not both.", nameof(resources));
        }

        if (resources is null && notResources is null && principal is null && notPrincipal is null)
        {
            throw new ArgumentException($"The {name} needs a Resource or NotResource.", nameof(resources));
        }

        if ((resources is not null || notResources is not null)
            && (Resources.Count + NotResources.Count == 0 || Resources.Concat(NotResources).Any(string.IsNullOrEmpty)))
        {
            throw new ArgumentException($"The {name} needs at least one resource, and no empty one.",
                nameof(resources));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (PolicyCondition condition in Conditions)
        {
            if (!seen.Add(condition.Operator + "\n" + condition.Key))
            {
                throw new ArgumentException(
                    $"The {name} tests {condition.Key} twice under {condition.Operator}; give both values to one key.",
                    nameof(conditions));
            }
        }
    }

    /// <summary>The statement id, if any.</summary>
    public string? Sid { get; }

    /// <summary>Allow or Deny.</summary>
    public PolicyEffect Effect { get; }

    /// <summary>The <c>Principal</c> element; identity-based policies have none.</summary>
    public PolicyPrincipal? Principal { get; }

    /// <summary>The <c>NotPrincipal</c> element; identity-based policies have none.</summary>
    public PolicyPrincipal? NotPrincipal { get; }

    /// <summary>The action patterns of <c>Action</c>; empty when the statement uses <c>NotAction</c>.</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>The action patterns of <c>NotAction</c>; empty when the statement uses <c>Action</c>.</summary>
    public IReadOnlyList<string> NotActions { get; }

    /// <summary>The resource patterns of <c>Resource</c>; empty when the statement uses <c>NotResource</c>.</summary>
    public IReadOnlyList<string> Resources { get; }

    /// <summary>The resource patterns of <c>NotResource</c>; empty when the statement uses <c>Resource</c>.</summary>
    public IReadOnlyList<string> NotResources { get; }

    /// <summary>The conditions; all must hold for the statement to apply.</summary>
    public IReadOnlyList<PolicyCondition> Conditions { get; }

    /// <summary>Whether the statement lists the actions it does not cover (<c>NotAction</c>).</summary>
    public bool UsesNotAction => NotActions.Count > 0;

    /// <summary>Whether the statement lists the resources it does not cover (<c>NotResource</c>).</summary>
    public bool UsesNotResource => NotResources.Count > 0;

    /// <summary>Whether the statement has a resource element at all (trust policies have none).</summary>
    public bool HasResourceElement => Resources.Count + NotResources.Count > 0;

    /// <summary>The conditions on <paramref name="key"/> (compared without regard to case).</summary>
    public IEnumerable<PolicyCondition> ConditionsOn(string key) => Conditions.Where(c => c.IsOnKey(key));
}
