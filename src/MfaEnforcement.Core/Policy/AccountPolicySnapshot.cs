using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Policy;

/// <summary>One user's identity policies (attached, inline and their groups'), ready for the tester.</summary>
public sealed class UserPolicySet
{
    internal UserPolicySet(ProbePrincipal principal, IReadOnlyList<AppliedPolicy> policies,
        IReadOnlyList<string> problems)
    {
        Principal = principal;
        Policies = policies;
        Problems = problems;
    }

    /// <summary>The user as a probe principal: name, account, path, partition and tags.</summary>
    public ProbePrincipal Principal { get; }

    /// <summary>The policies that could be read.</summary>
    public IReadOnlyList<AppliedPolicy> Policies { get; }

    /// <summary>Policies that could not be read, in plain sentences; a test without them cannot be trusted.</summary>
    public IReadOnlyList<string> Problems { get; }
}

/// <summary>The users of an account with their effective identity policies, read in bulk.</summary>
public sealed class AccountPolicySnapshot
{
    private readonly Dictionary<string, UserPolicySet> _users;

    internal AccountPolicySnapshot(Dictionary<string, UserPolicySet> users) => _users = users;

    /// <summary>The number of users read.</summary>
    public int UserCount => _users.Count;

    /// <summary>The names of the users read.</summary>
    public IEnumerable<string> UserNames => _users.Keys;

    /// <summary>The user's policies, or null when there is no such user (names ignore case, as IAM's do).</summary>
    public UserPolicySet? FindUser(string userName) =>
        _users.TryGetValue(userName ?? string.Empty, out UserPolicySet? set) ? set : null;
}

// The per-user half of the finder: every user's effective identity policies, for Test-MfaEnforcement.
public static partial class EnforcementPolicyFinder
{
    /// <summary>
    /// Every user with the policies that apply to them: their attached and inline policies and those of their
    /// groups. A managed policy whose document the bulk read left out is read with GetPolicyVersion.
    /// </summary>
    /// <exception cref="IamException">A read failed.</exception>
    public static async Task<AccountPolicySnapshot> ReadAccountAsync(IIamClient client, Action<string>? log,
        CancellationToken ct)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        log?.Invoke("Calling GetAccountAuthorizationDetails for users, groups and managed policies.");
        List<AuthorizationDetailsPage> pages = await ReadDetailsAsync(client, AuthorizationDetailsFilter.User
            | AuthorizationDetailsFilter.Group | AuthorizationDetailsFilter.LocalManagedPolicy
            | AuthorizationDetailsFilter.AwsManagedPolicy, ct).ConfigureAwait(false);
        var documents = new PolicyDocuments((arn, t) => ReadDefaultDocumentAsync(client, arn, log, t));
        foreach (PolicyAuthorizationDetail policy in pages.SelectMany(p => p.Policies))
        {
            documents.AddManaged(policy.Policy.Arn, policy.DefaultDocument);
        }

        // The documents the bulk read left out are read one at a time, before any user is assembled.
        List<UserAuthorizationDetail> users = pages.SelectMany(p => p.Users).ToList();
        List<GroupAuthorizationDetail> groupDetails = pages.SelectMany(p => p.Groups).ToList();
        IEnumerable<string> attached = users.SelectMany(u => u.AttachedPolicies)
            .Concat(groupDetails.SelectMany(g => g.AttachedPolicies)).Select(a => a.PolicyArn);
        foreach (string arn in attached.Distinct(StringComparer.Ordinal).ToList())
        {
            await documents.GetManagedAsync(arn, ct).ConfigureAwait(false);
        }

        IReadOnlyDictionary<string, IReadOnlyList<PolicySource>> groups =
            await PrincipalPolicies.OfGroupsAsync(groupDetails, documents, ct).ConfigureAwait(false);
        var sets = new Dictionary<string, UserPolicySet>(StringComparer.OrdinalIgnoreCase);
        foreach (UserAuthorizationDetail user in users)
        {
            PrincipalPolicies policies = await PrincipalPolicies.OfUserAsync(user, groups, documents, ct)
                .ConfigureAwait(false);
            sets[user.User.UserName] = Collect(user.User, policies);
        }

        return new AccountPolicySnapshot(sets);
    }

    private static UserPolicySet Collect(IamUserInfo user, PrincipalPolicies policies)
    {
        AppliedPolicies applied = PrincipalPolicies.Apply(policies.Sources);
        IEnumerable<string> problems = applied.Unreadable.Select(source => source.Document.IsMissing
            ? $"The document of policy {source.Name} could not be read."
            : $"The document of policy {source.Name} is not a policy this module can read: {source.Document.Error}");
        problems = problems.Concat(policies.MissingGroups.Select(group =>
            $"The group {group} was not in the account's details, so its policies are missing."));
        return new UserPolicySet(ProbePrincipal.FromUser(user), applied.Policies, problems.ToList());
    }

    private static async Task<string?> ReadDefaultDocumentAsync(IIamClient client, string arn, Action<string>? log,
        CancellationToken ct)
    {
        try
        {
            log?.Invoke($"Calling GetPolicy and GetPolicyVersion for {arn}, which the bulk read left out.");
            PolicyVersionInfo version = await PolicyDocuments.ReadDefaultVersionAsync(client, arn, null, ct)
                .ConfigureAwait(false);
            return version.Document;
        }
        catch (IamException e) when (e.IsNotFound)
        {
            return null;
        }
    }
}
