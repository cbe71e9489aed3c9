using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Audit;

/// <summary>
/// Which users an audit covers: every user of the account, or the named ones (exact names, and optionally a
/// matcher for wildcard patterns), with or without the root user's row.
/// </summary>
public sealed class MfaAuditScope
{
    private readonly HashSet<string> _names;

    private MfaAuditScope(IReadOnlyList<string>? userNames, Func<string, bool>? matches, bool includeRoot)
    {
        // IAM user names are unique regardless of case, so a name given twice in two cases is one user.
        var names = new List<string>();
        _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in userNames ?? Array.Empty<string>())
        {
            if (_names.Add(name))
            {
                names.Add(name);
            }
        }

        IsAllUsers = userNames is null && matches is null;
        UserNames = names;
        Matches = matches;
        IncludeRoot = includeRoot;
    }

    /// <summary>Whether every user of the account is audited.</summary>
    public bool IsAllUsers { get; }

    /// <summary>The exact names asked for, without duplicates, in the order given.</summary>
    public IReadOnlyList<string> UserNames { get; }

    /// <summary>Selects users by name, for wildcard patterns; null when only exact names are asked for.</summary>
    public Func<string, bool>? Matches { get; }

    /// <summary>Whether the root user's row is added.</summary>
    public bool IncludeRoot { get; }

    /// <summary>Every user of the account.</summary>
    public static MfaAuditScope AllUsers(bool includeRoot = false) => new(null, null, includeRoot);

    /// <summary>
    /// The users named exactly in <paramref name="userNames"/> (each one that does not exist is an error), and
    /// those <paramref name="matches"/> selects (wildcard patterns, which may select none).
    /// </summary>
    public static MfaAuditScope ForUsers(
        IEnumerable<string> userNames, Func<string, bool>? matches = null, bool includeRoot = false) =>
        new((userNames ?? throw new ArgumentNullException(nameof(userNames))).ToList(), matches, includeRoot);

    /// <summary>Whether the audit covers the user of this name.</summary>
    public bool Selects(string userName) =>
        IsAllUsers || _names.Contains(userName) || (Matches is not null && Matches(userName));

    /// <summary>Whether this exact name was asked for.</summary>
    internal bool Names(string userName) => _names.Contains(userName);
}
