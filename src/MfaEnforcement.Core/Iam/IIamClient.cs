using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MfaEnforcement.Core.Iam;

/// <summary>
/// The IAM and STS operations this module uses, one method per AWS action, in the module's own types. Everything
/// else in Core talks to AWS only through this interface, so the audit and the policy code are tested with fakes.
/// Failures throw <see cref="IamException"/>; <c>maxItems</c> is IAM's page size (1 to 1,000).
/// </summary>
public interface IIamClient
{
    /// <summary>ListUsers.</summary>
    Task<Page<IamUserInfo>> ListUsersAsync(string? pathPrefix, string? marker, int maxItems, CancellationToken ct);

    /// <summary>GetUser; a null name means the caller.</summary>
    Task<IamUserInfo> GetUserAsync(string? userName, CancellationToken ct);

    /// <summary>ListGroupsForUser.</summary>
    Task<Page<IamGroupInfo>> ListGroupsForUserAsync(
        string userName, string? marker, int maxItems, CancellationToken ct);

    /// <summary>ListUserTags.</summary>
    Task<Page<KeyValuePair<string, string>>> ListUserTagsAsync(
        string userName, string? marker, int maxItems, CancellationToken ct);

    /// <summary>ListGroups.</summary>
    Task<Page<IamGroupInfo>> ListGroupsAsync(string? pathPrefix, string? marker, int maxItems, CancellationToken ct);

    /// <summary>GetGroup: the group and a page of its members.</summary>
    Task<GroupMembersPage> GetGroupAsync(string groupName, string? marker, int maxItems, CancellationToken ct);

    /// <summary>CreateGroup.</summary>
    Task<IamGroupInfo> CreateGroupAsync(string groupName, string? path, CancellationToken ct);

    /// <summary>AddUserToGroup.</summary>
    Task AddUserToGroupAsync(string groupName, string userName, CancellationToken ct);

    /// <summary>RemoveUserFromGroup.</summary>
    Task RemoveUserFromGroupAsync(string groupName, string userName, CancellationToken ct);

    /// <summary>GetAccountAuthorizationDetails.</summary>
    Task<AuthorizationDetailsPage> GetAccountAuthorizationDetailsAsync(
        AuthorizationDetailsFilter filter, string? marker, int maxItems, CancellationToken ct);

    /// <summary>GetAccountSummary: the SummaryMap, e.g. <c>AccountMFAEnabled</c>.</summary>
    Task<IReadOnlyDictionary<string, int>> GetAccountSummaryAsync(CancellationToken ct);

    /// <summary>GenerateCredentialReport.</summary>
    Task<CredentialReportState> GenerateCredentialReportAsync(CancellationToken ct);

    /// <summary>GetCredentialReport.</summary>
    Task<CredentialReportContent> GetCredentialReportAsync(CancellationToken ct);

    /// <summary>ListVirtualMFADevices; <paramref name="assignmentStatus"/> is Assigned, Unassigned or Any.</summary>
    Task<Page<VirtualMfaDeviceInfo>> ListVirtualMfaDevicesAsync(
        string? assignmentStatus, string? marker, int maxItems, CancellationToken ct);

    /// <summary>ListMFADevices; a null name means the caller.</summary>
    Task<Page<MfaDeviceInfo>> ListMfaDevicesAsync(string? userName, string? marker, int maxItems, CancellationToken ct);

    /// <summary>CreateVirtualMFADevice.</summary>
    Task<NewVirtualMfaDevice> CreateVirtualMfaDeviceAsync(string deviceName, string? path, CancellationToken ct);

    /// <summary>EnableMFADevice with two consecutive codes.</summary>
    Task EnableMfaDeviceAsync(string userName, string serialNumber, string code1, string code2, CancellationToken ct);

    /// <summary>DeactivateMFADevice.</summary>
    Task DeactivateMfaDeviceAsync(string userName, string serialNumber, CancellationToken ct);

    /// <summary>DeleteVirtualMFADevice.</summary>
    Task DeleteVirtualMfaDeviceAsync(string serialNumber, CancellationToken ct);

    /// <summary>GetLoginProfile; null when the user has no console password.</summary>
    Task<LoginProfileInfo?> GetLoginProfileAsync(string userName, CancellationToken ct);

    /// <summary>ListAccessKeys.</summary>
    Task<Page<AccessKeyInfo>> ListAccessKeysAsync(string userName, string? marker, int maxItems, CancellationToken ct);

    /// <summary>CreatePolicy.</summary>
    Task<ManagedPolicyInfo> CreatePolicyAsync(
        string policyName, string? path, string document, string? description, CancellationToken ct);

    /// <summary>GetPolicy.</summary>
    Task<ManagedPolicyInfo> GetPolicyAsync(string policyArn, CancellationToken ct);

    /// <summary>GetPolicyVersion, with the document decoded.</summary>
    Task<PolicyVersionInfo> GetPolicyVersionAsync(string policyArn, string versionId, CancellationToken ct);

    /// <summary>ListPolicyVersions.</summary>
    Task<Page<PolicyVersionInfo>> ListPolicyVersionsAsync(
        string policyArn, string? marker, int maxItems, CancellationToken ct);

    /// <summary>CreatePolicyVersion.</summary>
    Task<PolicyVersionInfo> CreatePolicyVersionAsync(
        string policyArn, string document, bool setAsDefault, CancellationToken ct);

    /// <summary>DeletePolicyVersion.</summary>
    Task DeletePolicyVersionAsync(string policyArn, string versionId, CancellationToken ct);

    /// <summary>ListPolicies.</summary>
    Task<Page<ManagedPolicyInfo>> ListPoliciesAsync(
        PolicyScope scope, bool onlyAttached, string? pathPrefix, string? marker, int maxItems, CancellationToken ct);

    /// <summary>ListEntitiesForPolicy.</summary>
    Task<Page<PolicyEntity>> ListEntitiesForPolicyAsync(
        string policyArn, string? marker, int maxItems, CancellationToken ct);

    /// <summary>AttachUserPolicy.</summary>
    Task AttachUserPolicyAsync(string userName, string policyArn, CancellationToken ct);

    /// <summary>DetachUserPolicy.</summary>
    Task DetachUserPolicyAsync(string userName, string policyArn, CancellationToken ct);

    /// <summary>AttachGroupPolicy.</summary>
    Task AttachGroupPolicyAsync(string groupName, string policyArn, CancellationToken ct);

    /// <summary>DetachGroupPolicy.</summary>
    Task DetachGroupPolicyAsync(string groupName, string policyArn, CancellationToken ct);

    /// <summary>ListAttachedUserPolicies.</summary>
    Task<Page<AttachedPolicyInfo>> ListAttachedUserPoliciesAsync(
        string userName, string? marker, int maxItems, CancellationToken ct);

    /// <summary>ListAttachedGroupPolicies.</summary>
    Task<Page<AttachedPolicyInfo>> ListAttachedGroupPoliciesAsync(
        string groupName, string? marker, int maxItems, CancellationToken ct);

    /// <summary>ListUserPolicies: the names of the user's inline policies.</summary>
    Task<Page<string>> ListUserPoliciesAsync(string userName, string? marker, int maxItems, CancellationToken ct);

    /// <summary>GetUserPolicy, with the document decoded.</summary>
    Task<InlinePolicyInfo> GetUserPolicyAsync(string userName, string policyName, CancellationToken ct);

    /// <summary>ListGroupPolicies: the names of the group's inline policies.</summary>
    Task<Page<string>> ListGroupPoliciesAsync(string groupName, string? marker, int maxItems, CancellationToken ct);

    /// <summary>GetGroupPolicy, with the document decoded.</summary>
    Task<InlinePolicyInfo> GetGroupPolicyAsync(string groupName, string policyName, CancellationToken ct);

    /// <summary>SimulatePrincipalPolicy.</summary>
    Task<Page<SimulationResult>> SimulatePrincipalPolicyAsync(
        string policySourceArn,
        IReadOnlyList<string> actionNames,
        IReadOnlyList<string>? resourceArns,
        IReadOnlyList<SimulationContextEntry>? contextEntries,
        string? marker,
        int maxItems,
        CancellationToken ct);

    /// <summary>STS GetCallerIdentity.</summary>
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct);

    /// <summary>STS GetSessionToken.</summary>
    Task<SessionCredentials> GetSessionTokenAsync(
        int? durationSeconds, string? serialNumber, string? tokenCode, CancellationToken ct);
}
