using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Tests.Policy;

/// <summary>
/// An in-memory account for the policy code: customer-managed policies with versions and attachments, users and
/// groups for GetAccountAuthorizationDetails, and a log of the actions called. Actions it does not model throw.
/// </summary>
internal sealed class FakePolicyIamClient : IIamClient
{
    public const string Account = "111122223333";

    public List<string> Calls { get; } = new();

    public List<FakePolicy> Policies { get; } = new();

    public List<UserAuthorizationDetail> Users { get; } = new();

    public List<GroupAuthorizationDetail> Groups { get; } = new();

    /// <summary>AWS-managed policies the bulk read leaves out, as a real account's unattached ones are.</summary>
    public List<FakePolicy> HiddenPolicies { get; } = new();

    public IEnumerable<string> Writes => Calls.Where(c => c is "CreatePolicy" or "CreatePolicyVersion"
        or "DeletePolicyVersion");

    public FakePolicy AddPolicy(string name, string path, params string[] documents)
    {
        var policy = new FakePolicy(name, path, $"arn:aws:iam::{Account}:policy{path}{name}");
        foreach (string document in documents)
        {
            policy.AddVersion(document, DateTime.UtcNow.AddDays(-documents.Length + policy.Versions.Count));
        }

        Policies.Add(policy);
        return policy;
    }

    public Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct) =>
        Log("GetCallerIdentity", new CallerIdentity(Account, $"arn:aws:iam::{Account}:user/admin", "AIDAADMIN"));

    public Task<ManagedPolicyInfo> GetPolicyAsync(string policyArn, CancellationToken ct) =>
        Log("GetPolicy", Find(policyArn).Info);

    public Task<PolicyVersionInfo> GetPolicyVersionAsync(string policyArn, string versionId, CancellationToken ct) =>
        Log("GetPolicyVersion", Find(policyArn).Versions.FirstOrDefault(v => v.VersionId == versionId)
            ?? throw NotFound("GetPolicyVersion", versionId));

    public Task<Page<PolicyVersionInfo>> ListPolicyVersionsAsync(string policyArn, string? marker, int maxItems,
        CancellationToken ct) =>
        Log("ListPolicyVersions", new Page<PolicyVersionInfo>(
            Find(policyArn).Versions.Select(v => v with { Document = null }).ToList(), null));

    public Task<Page<ManagedPolicyInfo>> ListPoliciesAsync(PolicyScope scope, bool onlyAttached, string? pathPrefix,
        string? marker, int maxItems, CancellationToken ct) =>
        Log("ListPolicies", new Page<ManagedPolicyInfo>(Policies.Where(p => p.Path.StartsWith(pathPrefix ?? "/"))
            .Select(p => p.Info).ToList(), null));

    public Task<ManagedPolicyInfo> CreatePolicyAsync(string policyName, string? path, string document,
        string? description, CancellationToken ct)
    {
        if (Policies.Any(p => string.Equals(p.Name, policyName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new IamException("CreatePolicy", "EntityAlreadyExists", $"A policy called {policyName} exists.");
        }

        FakePolicy policy = AddPolicy(policyName, path ?? "/", document);
        policy.Description = description;
        return Log("CreatePolicy", policy.Info);
    }

    public Task<PolicyVersionInfo> CreatePolicyVersionAsync(string policyArn, string document, bool setAsDefault,
        CancellationToken ct)
    {
        FakePolicy policy = Find(policyArn);
        if (policy.Versions.Count >= 5)
        {
            throw new IamException("CreatePolicyVersion", "LimitExceeded", "A policy keeps at most 5 versions.");
        }

        PolicyVersionInfo version = policy.AddVersion(document, DateTime.UtcNow, setAsDefault);
        return Log("CreatePolicyVersion", version);
    }

    public Task DeletePolicyVersionAsync(string policyArn, string versionId, CancellationToken ct)
    {
        FakePolicy policy = Find(policyArn);
        if (policy.DefaultVersionId == versionId)
        {
            throw new IamException("DeletePolicyVersion", "DeleteConflict", "Cannot delete the default version.");
        }

        policy.Versions.RemoveAll(v => v.VersionId == versionId);
        return Log("DeletePolicyVersion", true);
    }

    public Task<Page<PolicyEntity>> ListEntitiesForPolicyAsync(string policyArn, string? marker, int maxItems,
        CancellationToken ct) =>
        Log("ListEntitiesForPolicy", new Page<PolicyEntity>(Find(policyArn).Entities.ToList(), null));

    public Task<AuthorizationDetailsPage> GetAccountAuthorizationDetailsAsync(AuthorizationDetailsFilter filter,
        string? marker, int maxItems, CancellationToken ct)
    {
        // Two pages: users and groups on the first, policies on the second, to prove the marker is followed.
        var details = marker is null
            ? new AuthorizationDetailsPage(
                filter.HasFlag(AuthorizationDetailsFilter.User) ? Users : new List<UserAuthorizationDetail>(),
                filter.HasFlag(AuthorizationDetailsFilter.Group) ? Groups : new List<GroupAuthorizationDetail>(),
                Array.Empty<PolicyAuthorizationDetail>(), "page2")
            : new AuthorizationDetailsPage(Array.Empty<UserAuthorizationDetail>(),
                Array.Empty<GroupAuthorizationDetail>(),
                filter.HasFlag(AuthorizationDetailsFilter.LocalManagedPolicy)
                    ? Policies.Select(p => new PolicyAuthorizationDetail(p.Info, p.Versions.ToList())).ToList()
                    : Array.Empty<PolicyAuthorizationDetail>(), null);
        return Log("GetAccountAuthorizationDetails", details);
    }

    private FakePolicy Find(string arn) => Policies.Concat(HiddenPolicies).FirstOrDefault(p => p.Arn == arn)
        ?? throw NotFound("GetPolicy", arn);

    private static IamException NotFound(string operation, string what) =>
        new(operation, "NoSuchEntity", $"{what} does not exist.");

    private Task<T> Log<T>(string action, T result)
    {
        Calls.Add(action);
        return Task.FromResult(result);
    }

    public Task<Page<IamUserInfo>> ListUsersAsync(string? p, string? m, int n, CancellationToken ct) =>
        No<Page<IamUserInfo>>();

    public Task<IamUserInfo> GetUserAsync(string? u, CancellationToken ct) => No<IamUserInfo>();

    public Task<Page<IamGroupInfo>> ListGroupsForUserAsync(string u, string? m, int n, CancellationToken ct) =>
        No<Page<IamGroupInfo>>();

    public Task<Page<KeyValuePair<string, string>>> ListUserTagsAsync(string u, string? m, int n,
        CancellationToken ct) => No<Page<KeyValuePair<string, string>>>();

    public Task<Page<IamGroupInfo>> ListGroupsAsync(string? p, string? m, int n, CancellationToken ct) =>
        No<Page<IamGroupInfo>>();

    public Task<GroupMembersPage> GetGroupAsync(string g, string? m, int n, CancellationToken ct) =>
        No<GroupMembersPage>();

    public Task<IamGroupInfo> CreateGroupAsync(string g, string? p, CancellationToken ct) => No<IamGroupInfo>();

    public Task AddUserToGroupAsync(string g, string u, CancellationToken ct) => No<bool>();

    public Task RemoveUserFromGroupAsync(string g, string u, CancellationToken ct) => No<bool>();

    public Task<IReadOnlyDictionary<string, int>> GetAccountSummaryAsync(CancellationToken ct) =>
        No<IReadOnlyDictionary<string, int>>();

    public Task<CredentialReportState> GenerateCredentialReportAsync(CancellationToken ct) =>
        No<CredentialReportState>();

    public Task<CredentialReportContent> GetCredentialReportAsync(CancellationToken ct) =>
        No<CredentialReportContent>();

    public Task<Page<VirtualMfaDeviceInfo>> ListVirtualMfaDevicesAsync(string? s, string? m, int n,
        CancellationToken ct) => No<Page<VirtualMfaDeviceInfo>>();

    public Task<Page<MfaDeviceInfo>> ListMfaDevicesAsync(string? u, string? m, int n, CancellationToken ct) =>
        No<Page<MfaDeviceInfo>>();

    public Task<NewVirtualMfaDevice> CreateVirtualMfaDeviceAsync(string d, string? p, CancellationToken ct) =>
        No<NewVirtualMfaDevice>();

    public Task EnableMfaDeviceAsync(string u, string s, string c1, string c2, CancellationToken ct) => No<bool>();

    public Task DeactivateMfaDeviceAsync(string u, string s, CancellationToken ct) => No<bool>();

    public Task DeleteVirtualMfaDeviceAsync(string s, CancellationToken ct) => No<bool>();

    public Task<LoginProfileInfo?> GetLoginProfileAsync(string u, CancellationToken ct) => No<LoginProfileInfo?>();

    public Task<Page<AccessKeyInfo>> ListAccessKeysAsync(string u, string? m, int n, CancellationToken ct) =>
        No<Page<AccessKeyInfo>>();

    public Task AttachUserPolicyAsync(string u, string a, CancellationToken ct) => No<bool>();

    public Task DetachUserPolicyAsync(string u, string a, CancellationToken ct) => No<bool>();

    public Task AttachGroupPolicyAsync(string g, string a, CancellationToken ct) => No<bool>();

    public Task DetachGroupPolicyAsync(string g, string a, CancellationToken ct) => No<bool>();

    public Task<Page<AttachedPolicyInfo>> ListAttachedUserPoliciesAsync(string u, string? m, int n,
        CancellationToken ct) => No<Page<AttachedPolicyInfo>>();

    public Task<Page<AttachedPolicyInfo>> ListAttachedGroupPoliciesAsync(string g, string? m, int n,
        CancellationToken ct) => No<Page<AttachedPolicyInfo>>();

    public Task<Page<string>> ListUserPoliciesAsync(string u, string? m, int n, CancellationToken ct) =>
        No<Page<string>>();

    public Task<InlinePolicyInfo> GetUserPolicyAsync(string u, string p, CancellationToken ct) =>
        No<InlinePolicyInfo>();

    public Task<Page<string>> ListGroupPoliciesAsync(string g, string? m, int n, CancellationToken ct) =>
        No<Page<string>>();

    public Task<InlinePolicyInfo> GetGroupPolicyAsync(string g, string p, CancellationToken ct) =>
        No<InlinePolicyInfo>();

    public Task<Page<SimulationResult>> SimulatePrincipalPolicyAsync(string s, IReadOnlyList<string> a,
        IReadOnlyList<string>? r, IReadOnlyList<SimulationContextEntry>? c, string? m, int n, CancellationToken ct) =>
        No<Page<SimulationResult>>();

    public Task<SessionCredentials> GetSessionTokenAsync(int? d, string? s, string? t, CancellationToken ct) =>
        No<SessionCredentials>();

    private static Task<T> No<T>() => throw new NotSupportedException("The policy tests do not use this action.");

    internal sealed class FakePolicy
    {
        private int _nextVersion = 1;

        public FakePolicy(string name, string path, string arn)
        {
            Name = name;
            Path = path;
            Arn = arn;
        }

        public string Name { get; }

        public string Path { get; }

        public string Arn { get; }

        public string? Description { get; set; }

        public string DefaultVersionId { get; private set; } = "v1";

        public List<PolicyVersionInfo> Versions { get; } = new();

        public List<PolicyEntity> Entities { get; } = new();

        public ManagedPolicyInfo Info => new(Name, "ANPA" + Name.ToUpperInvariant(), Arn, Path, DefaultVersionId,
            Entities.Count, Description, DateTime.UtcNow.AddDays(-30), DateTime.UtcNow);

        public PolicyVersionInfo AddVersion(string document, DateTime created, bool setAsDefault = true)
        {
            string id = $"v{_nextVersion++}";
            if (setAsDefault)
            {
                DefaultVersionId = id;
                for (int i = 0; i < Versions.Count; i++)
                {
                    Versions[i] = Versions[i] with { IsDefaultVersion = false };
                }
            }

            var version = new PolicyVersionInfo(id, setAsDefault, created, document);
            Versions.Add(version);
            return version;
        }
    }
}
