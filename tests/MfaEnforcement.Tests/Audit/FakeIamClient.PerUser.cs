using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Tests.Audit;

/// <summary>The fake's per-user reads, and the actions the audit never sends.</summary>
internal sealed partial class FakeIamClient
{
    public Task<LoginProfileInfo?> GetLoginProfileAsync(string userName, CancellationToken ct)
    {
        Record("GetLoginProfile");
        var user = Find(userName);
        return Task.FromResult(user.HasLoginProfile ? new LoginProfileInfo(user.Name, user.CreateDate, false) : null);
    }

    public Task<Page<AccessKeyInfo>> ListAccessKeysAsync(
        string userName, string? marker, int maxItems, CancellationToken ct)
    {
        Record("ListAccessKeys");
        var user = Find(userName);
        return Task.FromResult(Slice(user.AccessKeys.Select(k => new AccessKeyInfo(
            user.Name, k.Id, k.Active ? "Active" : "Inactive", user.CreateDate)).ToList(), marker, maxItems));
    }

    public Task<Page<AttachedPolicyInfo>> ListAttachedUserPoliciesAsync(
        string userName, string? marker, int maxItems, CancellationToken ct)
    {
        Record("ListAttachedUserPolicies");
        return Task.FromResult(Slice(Find(userName).AttachedPolicyArns.Select(Attached).ToList(), marker, maxItems));
    }

    public Task<Page<string>> ListUserPoliciesAsync(
        string userName, string? marker, int maxItems, CancellationToken ct)
    {
        Record("ListUserPolicies");
        return Task.FromResult(Slice(Find(userName).InlinePolicies.Keys.ToList(), marker, maxItems));
    }

    public Task<InlinePolicyInfo> GetUserPolicyAsync(string userName, string policyName, CancellationToken ct)
    {
        Record("GetUserPolicy");
        return Task.FromResult(new InlinePolicyInfo(policyName, Find(userName).InlinePolicies[policyName]));
    }

    public Task<Page<IamGroupInfo>> ListGroupsForUserAsync(
        string userName, string? marker, int maxItems, CancellationToken ct)
    {
        Record("ListGroupsForUser");
        return Task.FromResult(Slice(Find(userName).Groups.Select(g => Group(FindGroup(g))).ToList(), marker,
            maxItems));
    }

    public Task<Page<AttachedPolicyInfo>> ListAttachedGroupPoliciesAsync(
        string groupName, string? marker, int maxItems, CancellationToken ct)
    {
        Record("ListAttachedGroupPolicies");
        return Task.FromResult(Slice(FindGroup(groupName).AttachedPolicyArns.Select(Attached).ToList(), marker,
            maxItems));
    }

    public Task<Page<string>> ListGroupPoliciesAsync(
        string groupName, string? marker, int maxItems, CancellationToken ct)
    {
        Record("ListGroupPolicies");
        return Task.FromResult(Slice(FindGroup(groupName).InlinePolicies.Keys.ToList(), marker, maxItems));
    }

    public Task<InlinePolicyInfo> GetGroupPolicyAsync(string groupName, string policyName, CancellationToken ct)
    {
        Record("GetGroupPolicy");
        return Task.FromResult(new InlinePolicyInfo(policyName, FindGroup(groupName).InlinePolicies[policyName]));
    }

    public Task<ManagedPolicyInfo> GetPolicyAsync(string policyArn, CancellationToken ct)
    {
        Record("GetPolicy");
        return Task.FromResult(Managed(FindPolicy(policyArn)));
    }

    public Task<PolicyVersionInfo> GetPolicyVersionAsync(string policyArn, string versionId, CancellationToken ct)
    {
        Record("GetPolicyVersion");
        return Task.FromResult(new PolicyVersionInfo(versionId, true, s_created, FindPolicy(policyArn).Document));
    }

    public Task<Page<IamUserInfo>> ListUsersAsync(string? pathPrefix, string? marker, int maxItems,
        CancellationToken ct) => Unused<Page<IamUserInfo>>();

    public Task<Page<KeyValuePair<string, string>>> ListUserTagsAsync(
        string userName, string? marker, int maxItems, CancellationToken ct) =>
        Unused<Page<KeyValuePair<string, string>>>();

    public Task<Page<IamGroupInfo>> ListGroupsAsync(string? pathPrefix, string? marker, int maxItems,
        CancellationToken ct) => Unused<Page<IamGroupInfo>>();

    public Task<GroupMembersPage> GetGroupAsync(string groupName, string? marker, int maxItems, CancellationToken ct) =>
        Unused<GroupMembersPage>();

    public Task<IamGroupInfo> CreateGroupAsync(string groupName, string? path, CancellationToken ct) =>
        Unused<IamGroupInfo>();

    public Task AddUserToGroupAsync(string groupName, string userName, CancellationToken ct) => Unused<bool>();

    public Task RemoveUserFromGroupAsync(string groupName, string userName, CancellationToken ct) => Unused<bool>();

    public Task<NewVirtualMfaDevice> CreateVirtualMfaDeviceAsync(string deviceName, string? path,
        CancellationToken ct) => Unused<NewVirtualMfaDevice>();

    public Task EnableMfaDeviceAsync(string userName, string serialNumber, string code1, string code2,
        CancellationToken ct) => Unused<bool>();

    public Task DeactivateMfaDeviceAsync(string userName, string serialNumber, CancellationToken ct) =>
        Unused<bool>();

    public Task DeleteVirtualMfaDeviceAsync(string serialNumber, CancellationToken ct) => Unused<bool>();

    public Task<ManagedPolicyInfo> CreatePolicyAsync(string policyName, string? path, string document,
        string? description, CancellationToken ct) => Unused<ManagedPolicyInfo>();

    public Task<Page<PolicyVersionInfo>> ListPolicyVersionsAsync(string policyArn, string? marker, int maxItems,
        CancellationToken ct) => Unused<Page<PolicyVersionInfo>>();

    public Task<PolicyVersionInfo> CreatePolicyVersionAsync(string policyArn, string document, bool setAsDefault,
        CancellationToken ct) => Unused<PolicyVersionInfo>();

    public Task DeletePolicyVersionAsync(string policyArn, string versionId, CancellationToken ct) => Unused<bool>();

    public Task<Page<ManagedPolicyInfo>> ListPoliciesAsync(PolicyScope scope, bool onlyAttached, string? pathPrefix,
        string? marker, int maxItems, CancellationToken ct) => Unused<Page<ManagedPolicyInfo>>();

    public Task<Page<PolicyEntity>> ListEntitiesForPolicyAsync(string policyArn, string? marker, int maxItems,
        CancellationToken ct) => Unused<Page<PolicyEntity>>();

    public Task AttachUserPolicyAsync(string userName, string policyArn, CancellationToken ct) => Unused<bool>();

    public Task DetachUserPolicyAsync(string userName, string policyArn, CancellationToken ct) => Unused<bool>();

    public Task AttachGroupPolicyAsync(string groupName, string policyArn, CancellationToken ct) => Unused<bool>();

    public Task DetachGroupPolicyAsync(string groupName, string policyArn, CancellationToken ct) => Unused<bool>();

    public Task<Page<SimulationResult>> SimulatePrincipalPolicyAsync(string policySourceArn,
        IReadOnlyList<string> actionNames, IReadOnlyList<string>? resourceArns,
        IReadOnlyList<SimulationContextEntry>? contextEntries, string? marker, int maxItems, CancellationToken ct) =>
        Unused<Page<SimulationResult>>();

    public Task<SessionCredentials> GetSessionTokenAsync(int? durationSeconds, string? serialNumber,
        string? tokenCode, CancellationToken ct) => Unused<SessionCredentials>();

    private static Task<T> Unused<T>() =>
        throw new NotSupportedException("The audit never sends this request; the fake does not serve it.");
}
