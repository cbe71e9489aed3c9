using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// What the offline evaluator knows about one request: the action, the resource ARN, the condition keys and their
/// values, and the principal (for <c>${aws:username}</c>, <c>${aws:userid}</c> and <c>aws:PrincipalAccount</c>).
/// A key that is not given is absent, as it is in AWS when a request does not carry it; a key named with
/// <see cref="WithUnknownKey"/> is present in the real request but its value is not known here, so conditions
/// on it cannot be decided. See the request context in
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html.
/// </summary>
public sealed class RequestContext
{
    private readonly Dictionary<string, IReadOnlyList<string>> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _unknownKeys = new();

    /// <summary>Creates the context of a request for an action on a resource.</summary>
    /// <param name="action">The action as <c>service:Action</c>, for example <c>s3:ListAllMyBuckets</c>.</param>
    /// <param name="resource">The resource ARN, or <c>*</c> for actions that take no resource.</param>
    public RequestContext(string action, string resource = "*")
    {
        if (string.IsNullOrEmpty(action) || action.IndexOf(':') <= 0)
        {
            throw new ArgumentException($"'{action}' is not an action; write it as service:Action.", nameof(action));
        }

        if (string.IsNullOrEmpty(resource))
        {
            throw new ArgumentException("A request needs a resource ARN, or * for none.", nameof(resource));
        }

        Action = action;
        Resource = resource;
    }

    /// <summary>The requested action, <c>service:Action</c>.</summary>
    public string Action { get; }

    /// <summary>The resource ARN, or <c>*</c>.</summary>
    public string Resource { get; }

    /// <summary>The friendly name of the calling IAM user: the value of <c>aws:username</c>.</summary>
    public string? UserName { get; set; }

    /// <summary>The unique id of the caller: the value of <c>aws:userid</c>.</summary>
    public string? UserId { get; set; }

    /// <summary>The caller's account id: the value of <c>aws:PrincipalAccount</c>.</summary>
    public string? AccountId { get; set; }

    /// <summary>The condition keys given explicitly, compared without regard to case.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Keys => _keys;

    /// <summary>Patterns (with <c>*</c>) of keys the real request carries with values not known here.</summary>
    public IReadOnlyList<string> UnknownKeys => _unknownKeys;

    /// <summary>Sets a condition key; several values make it a multivalued key.</summary>
    public RequestContext WithKey(string key, params string[] values)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A condition key needs a name.", nameof(key));
        }

        _keys[key] = (values ?? throw new ArgumentNullException(nameof(values))).ToArray();
        return this;
    }

    /// <summary>Declares that the request carries keys matching a pattern, with unknown values.</summary>
    public RequestContext WithUnknownKey(string keyPattern)
    {
        if (string.IsNullOrEmpty(keyPattern))
        {
            throw new ArgumentException("A key pattern needs text.", nameof(keyPattern));
        }

        _unknownKeys.Add(keyPattern);
        return this;
    }

    /// <summary>Finds a key: an explicit value, one derived from the principal, unknown, or absent.</summary>
    internal ContextValue Lookup(string key)
    {
        if (_keys.TryGetValue(key, out IReadOnlyList<string>? values))
        {
            return values.Count == 0 ? ContextValue.Absent : ContextValue.Of(values);
        }

        string? derived = key.ToUpperInvariant() switch
        {
            "AWS:USERNAME" => UserName,
            "AWS:USERID" => UserId,
            "AWS:PRINCIPALACCOUNT" => AccountId,
            _ => null,
        };
        if (derived is not null)
        {
            return ContextValue.Of(new[] { derived });
        }

        foreach (string pattern in _unknownKeys)
        {
            if (GlobPattern.Parse(pattern).IsMatch(key, ignoreCase: true))
            {
                return ContextValue.Unknown;
            }
        }

        return ContextValue.Absent;
    }
}

/// <summary>A condition key as the evaluator sees it: values, absent, or present with an unknown value.</summary>
internal readonly struct ContextValue
{
    private ContextValue(IReadOnlyList<string> values, bool isUnknown)
    {
        Values = values;
        IsUnknown = isUnknown;
    }

    public static ContextValue Absent { get; } = new(Array.Empty<string>(), false);

    public static ContextValue Unknown { get; } = new(Array.Empty<string>(), true);

    /// <summary>The values; empty when the key is absent or unknown.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The key is present but its value is not known offline.</summary>
    public bool IsUnknown { get; }

    /// <summary>The key is not in the request (or has no value).</summary>
    public bool IsAbsent => !IsUnknown && Values.Count == 0;

    public static ContextValue Of(IReadOnlyList<string> values) => new(values, false);
}
