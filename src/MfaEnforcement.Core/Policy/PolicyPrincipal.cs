using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// The <c>Principal</c> or <c>NotPrincipal</c> of a resource-based or trust policy statement: either <c>"*"</c>
/// or principal types (<c>AWS</c>, <c>Service</c>, <c>Federated</c>, <c>CanonicalUser</c>) with their values.
/// Identity-based policies, which this module writes and evaluates, do not take one.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html.
/// </summary>
public sealed class PolicyPrincipal
{
    private PolicyPrincipal(bool isWildcard, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> entries)
    {
        IsWildcard = isWildcard;
        Entries = entries;
    }

    /// <summary>The principal <c>"*"</c>: everyone.</summary>
    public static PolicyPrincipal Everyone { get; } =
        new(true, Array.Empty<KeyValuePair<string, IReadOnlyList<string>>>());

    /// <summary>Whether this is the bare <c>"*"</c> form.</summary>
    public bool IsWildcard { get; }

    /// <summary>The principal types and their values, in the order written; empty for <c>"*"</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Entries { get; }

    /// <summary>Creates a principal of types and values, for example <c>AWS</c> with account ARNs.</summary>
    public static PolicyPrincipal Of(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> entries)
    {
        var list = (entries ?? throw new ArgumentNullException(nameof(entries)))
            .Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Key, e.Value.ToArray()))
            .ToArray();
        if (list.Length == 0 || list.Any(e => string.IsNullOrEmpty(e.Key) || e.Value.Count == 0))
        {
            throw new ArgumentException("A principal needs at least one type with at least one value.",
                nameof(entries));
        }

        return new PolicyPrincipal(false, list);
    }
}
