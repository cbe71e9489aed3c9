using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Tests.Enforcement;

/// <summary>
/// An in-memory account for the enforcement planner and executor: users, groups and managed policies, every call
/// recorded, failures injectable per action and name. Calls the enforcement code never makes throw.
/// </summary>
internal sealed class FakeIamClient : IIamClient
{
    public const string Account = "123456789012";

    private static readonly HashSet<string> s_writes = new()
    {
        "CreatePolicy", "CreateGroup", "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy",
        "DetachGroupPolicy", "AddUserToGroup", "RemoveUserFromGroup",
    };

    private readonly object _sync = new();
    private int _inFlight;

    public Dictionary<string, FakeUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, FakeGroup> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Policies { get; } = new(StringComparer.Ordinal);

    public string CallerArn { get; set; } = $"arn:aws:iam::{Account}:user/admin";

    /// <summary>Error codes to throw for "Action:name".</summary>
    public Dictionary<string, string> Failures { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Calls { get; } = new();

    public int MaxInFlight { get; private set; }

    public IReadOnlyList<string> Writes => Calls.Where(c => s_writes.Contains(c.Split(':')[0])).ToList();

    public static string PolicyArn(string name) => $"arn:aws:iam::{Account}:policy/{name}";

    public FakeUser AddUser(string name, bool password = false, bool mfa = false, bool reset = false)
    {
        var user = new FakeUser(name) { HasPassword = password, HasMfa = mfa, ResetRequired = reset };
        Users[name] = user;
        return user;
    }

    public FakeGroup AddGroup(string name, params string[] members)
    {
        var group = new FakeGroup(name);
        group.Members.AddRange(members);
        Groups[name] = group;
        return group;
    }

    public void AddPolicy(string name, string document = "{\"Version\":\"2012-10-17\",\"Statement\":[]}") =>
        Policies[PolicyArn(name)] = document;

    public Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct) =>
        Call("GetCallerIdentity", "", () => new CallerIdentity(Account, CallerArn, "AIDAADMIN"));

    public Task<IamUserInfo> GetUserAsync(string? userName, CancellationToken ct) =>
        Call("GetUser", userName!, () => Info(RequireUser(userName!)));

    public Task<GroupMembersPage> GetGroupAsync(string groupName, string? marker, int maxItems, CancellationToken ct) =>
        Call("GetGroup", groupName, () =>
        {
            var group = RequireGroup(groupName);
            var info = new IamGroupInfo(group.Name, "AGPA" + group.Name, "arn:group", "/", DateTime.UtcNow);
            return new GroupMembersPage(info, group.Members.Select(m => Info(RequireUser(m))).ToList(), null);
        });

    public Task<ManagedPolicyInfo> GetPolicyAsync(string policyArn, CancellationToken ct) =>
        Call("GetPolicy", policyArn, () => Policies.ContainsKey(policyArn)
            ? Policy(policyArn)
            : throw NotFound("GetPolicy", policyArn));

    public Task<PolicyVersionInfo> GetPolicyVersionAsync(string policyArn, string versionId, CancellationToken ct) =>
        Call("GetPolicyVersion", policyArn, () =>
            new PolicyVersionInfo("v1", true, DateTime.UtcNow, Policies[policyArn]));

    public Task<Page<ManagedPolicyInfo>> ListPoliciesAsync(PolicyScope scope, bool onlyAttached, string? pathPrefix,
        string? marker, int maxItems, CancellationToken ct) =>
        Call("ListPolicies", "", () => new Page<ManagedPolicyInfo>(Policies.Keys.Select(Policy).ToList(), null));

    public Task<ManagedPolicyInfo> CreatePolicyAsync(
        string policyName, string? path, string document, string? description, CancellationToken ct) =>
        Call("CreatePolicy", policyName, () =>
        {
            Policies[PolicyArn(policyName)] = document;
            return Policy(PolicyArn(policyName));
        });

    public Task<IamGroupInfo> CreateGroupAsync(string groupName, string? path, CancellationToken ct) =>
        Call("CreateGroup", groupName, () =>
        {
            AddGroup(groupName);
            return new IamGroupInfo(groupName, "AGPA" + groupName, "arn:group", "/", DateTime.UtcNow);
        });

    public Task<LoginProfileInfo?> GetLoginProfileAsync(string userName, CancellationToken ct) =>
        Call("GetLoginProfile", userName, () =>
        {
            var user = RequireUser(userName);
            return user.HasPassword ? new LoginProfileInfo(userName, DateTime.UtcNow, user.ResetRequired) : null;
        });

    public Task<Page<MfaDeviceInfo>> ListMfaDevicesAsync(
        string? userName, string? marker, int maxItems, CancellationToken ct) =>
        Call("ListMFADevices", userName!, () => new Page<MfaDeviceInfo>(
            RequireUser(userName!).HasMfa
                ? new[] { new MfaDeviceInfo(userName!, $"arn:aws:iam::{Account}:mfa/{userName}", DateTime.UtcNow) }
                : Array.Empty<MfaDeviceInfo>(),
            null));

    public Task<Page<AttachedPolicyInfo>> ListAttachedUserPoliciesAsync(
        string userName, string? marker, int maxItems, CancellationToken ct) =>
        Call("ListAttachedUserPolicies", userName, () => Attached(RequireUser(userName).Policies));

    public Task<Page<AttachedPolicyInfo>> ListAttachedGroupPoliciesAsync(
        string groupName, string? marker, int maxItems, CancellationToken ct) =>
        Call("ListAttachedGroupPolicies", groupName, () => Attached(RequireGroup(groupName).Policies));

    public Task AttachUserPolicyAsync(string userName, string policyArn, CancellationToken ct) =>
        Call("AttachUserPolicy", userName, () => Attach(RequireUser(userName).Policies, policyArn));

    public Task DetachUserPolicyAsync(string userName, string policyArn, CancellationToken ct) =>
        Call("DetachUserPolicy", userName, () => RequireUser(userName).Policies.Remove(policyArn));

    public Task AttachGroupPolicyAsync(string groupName, string policyArn, CancellationToken ct) =>
        Call("AttachGroupPolicy", groupName, () => Attach(RequireGroup(groupName).Policies, policyArn));

    public Task DetachGroupPolicyAsync(string groupName, string policyArn, CancellationToken ct) =>
        Call("DetachGroupPolicy", groupName, () => RequireGroup(groupName).Policies.Remove(policyArn));

    public Task AddUserToGroupAsync(string groupName, string userName, CancellationToken ct) =>
        Call("AddUserToGroup", userName, () =>
        {
            RequireUser(userName);
            RequireGroup(groupName).Members.Add(userName);
            return true;
        });

    public Task RemoveUserFromGroupAsync(string groupName, string userName, CancellationToken ct) =>
        Call("RemoveUserFromGroup", userName, () => RequireGroup(groupName).Members.Remove(userName));

    public Task<Page<IamUserInfo>> ListUsersAsync(string? p, string? m, int n, CancellationToken ct) =>
        Unused<Page<IamUserInfo>>();

    public Task<Page<IamGroupInfo>> ListGroupsForUserAsync(string u, string? m, int n, CancellationToken ct) =>
        Unused<Page<IamGroupInfo>>();

    public Task<Page<KeyValuePair<string, string>>> ListUserTagsAsync(
        string u, string? m, int n, CancellationToken ct) =>
        Unused<Page<KeyValuePair<string, string>>>();

    public Task<Page<IamGroupInfo>> ListGroupsAsync(string? p, string? m, int n, CancellationToken ct) =>
        Unused<Page<IamGroupInfo>>();

    /// <summary>Users only, in pages of <paramref name="n"/>; the marker is the index of the next user.</summary>
    public Task<AuthorizationDetailsPage> GetAccountAuthorizationDetailsAsync(
        AuthorizationDetailsFilter f, string? m, int n, CancellationToken ct) =>
        Call("GetAccountAuthorizationDetails", m ?? string.Empty, () =>
        {
            var start = m is null ? 0 : int.Parse(m, System.Globalization.CultureInfo.InvariantCulture);
            var users = Users.Values.OrderBy(u => u.Name, StringComparer.Ordinal).Skip(start).Take(n)
                .Select(u => new UserAuthorizationDetail(
                    Info(u), Groups.Values.Where(g => g.Members.Contains(u.Name)).Select(g => g.Name).ToList(),
                    Attached(u.Policies).Items, Array.Empty<InlinePolicyInfo>()))
                .ToList();
            var next = start + users.Count < Users.Count
                ? (start + users.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : null;
            return new AuthorizationDetailsPage(
                users, Array.Empty<GroupAuthorizationDetail>(), Array.Empty<PolicyAuthorizationDetail>(), next);
        });

    public Task<IReadOnlyDictionary<string, int>> GetAccountSummaryAsync(CancellationToken ct) =>
        Unused<IReadOnlyDictionary<string, int>>();

    public Task<CredentialReportState> GenerateCredentialReportAsync(CancellationToken ct) =>
        Unused<CredentialReportState>();

    public Task<CredentialReportContent> GetCredentialReportAsync(CancellationToken ct) =>
        Unused<CredentialReportContent>();

    public Task<Page<VirtualMfaDeviceInfo>> ListVirtualMfaDevicesAsync(
        string? s, string? m, int n, CancellationToken ct) =>
        Unused<Page<VirtualMfaDeviceInfo>>();

    public Task<NewVirtualMfaDevice> CreateVirtualMfaDeviceAsync(string d, string? p, CancellationToken ct) =>
        Unused<NewVirtualMfaDevice>();

    public Task EnableMfaDeviceAsync(string u, string s, string c1, string c2, CancellationToken ct) => Unused<bool>();

    public Task DeactivateMfaDeviceAsync(string u, string s, CancellationToken ct) => Unused<bool>();

    public Task DeleteVirtualMfaDeviceAsync(string s, CancellationToken ct) => Unused<bool>();

    public Task<Page<AccessKeyInfo>> ListAccessKeysAsync(string u, string? m, int n, CancellationToken ct) =>
        Unused<Page<AccessKeyInfo>>();

    public Task<Page<PolicyVersionInfo>> ListPolicyVersionsAsync(string a, string? m, int n, CancellationToken ct) =>
        Unused<Page<PolicyVersionInfo>>();

    public Task<PolicyVersionInfo> CreatePolicyVersionAsync(string a, string d, bool s, CancellationToken ct) =>
        Unused<PolicyVersionInfo>();

    public Task DeletePolicyVersionAsync(string a, string v, CancellationToken ct) => Unused<bool>();

    public Task<Page<PolicyEntity>> ListEntitiesForPolicyAsync(string a, string? m, int n, CancellationToken ct) =>
        Unused<Page<PolicyEntity>>();

    public Task<Page<string>> ListUserPoliciesAsync(string u, string? m, int n, CancellationToken ct) =>
        Unused<Page<string>>();

    public Task<InlinePolicyInfo> GetUserPolicyAsync(string u, string p, CancellationToken ct) =>
        Unused<InlinePolicyInfo>();

    public Task<Page<string>> ListGroupPoliciesAsync(string g, string? m, int n, CancellationToken ct) =>
        Unused<Page<string>>();

    public Task<InlinePolicyInfo> GetGroupPolicyAsync(string g, string p, CancellationToken ct) =>
        Unused<InlinePolicyInfo>();

    public Task<Page<SimulationResult>> SimulatePrincipalPolicyAsync(string a, IReadOnlyList<string> n,
        IReadOnlyList<string>? r, IReadOnlyList<SimulationContextEntry>? c, string? m, int i, CancellationToken ct) =>
        Unused<Page<SimulationResult>>();

    public Task<SessionCredentials> GetSessionTokenAsync(int? d, string? s, string? t, CancellationToken ct) =>
        Unused<SessionCredentials>();

    private static Task<T> Unused<T>() => throw new NotSupportedException("The enforcement code does not call this.");

    private static IamException NotFound(string action, string name) =>
        new(action, "NoSuchEntity", $"The entity {name} cannot be found.", HttpStatusCode.NotFound);

    private static Page<AttachedPolicyInfo> Attached(IEnumerable<string> arns) =>
        new(arns.Select(a => new AttachedPolicyInfo(a.Substring(a.LastIndexOf('/') + 1), a)).ToList(), null);

    private static bool Attach(List<string> policies, string arn)
    {
        if (!policies.Contains(arn))
        {
            if (policies.Count >= 10)
            {
                throw new IamException("Attach", "LimitExceeded", "Cannot exceed quota for PoliciesPerUser: 10");
            }

            policies.Add(arn);
        }

        return true;
    }

    private ManagedPolicyInfo Policy(string arn) => new(
        arn.Substring(arn.LastIndexOf('/') + 1), "ANPA", arn, "/", "v1", 0, null, DateTime.UtcNow, DateTime.UtcNow);

    private IamUserInfo Info(FakeUser user) => new(user.Name, "AIDA" + user.Name,
        $"arn:aws:iam::{Account}:user/{user.Name}", "/", DateTime.UtcNow, null, user.Tags);

    private FakeUser RequireUser(string name) =>
        Users.TryGetValue(name, out var user) ? user : throw NotFound("GetUser", name);

    private FakeGroup RequireGroup(string name) =>
        Groups.TryGetValue(name, out var group) ? group : throw NotFound("GetGroup", name);

    private async Task<T> Call<T>(string action, string name, Func<T> body)
    {
        Calls.Enqueue($"{action}:{name}");
        lock (_sync)
        {
            MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
        }

        try
        {
            await Task.Delay(1).ConfigureAwait(false);
            if (Failures.TryGetValue($"{action}:{name}", out var code))
            {
                throw new IamException(action, code, $"{code} for {name}.");
            }

            lock (_sync)
            {
                return body();
            }
        }
        finally
        {
            lock (_sync)
            {
                _inFlight--;
            }
        }
    }
}

internal sealed class FakeUser(string name)
{
    public string Name { get; } = name;

    public bool HasPassword { get; set; }

    public bool HasMfa { get; set; }

    public bool ResetRequired { get; set; }

    public Dictionary<string, string> Tags { get; } = new();

    public List<string> Policies { get; } = new();
}

internal sealed class FakeGroup(string name)
{
    public string Name { get; } = name;

    public List<string> Members { get; } = new();

    public List<string> Policies { get; } = new();
}
