using System;
using System.Collections.Generic;

namespace MfaEnforcement.Core.Iam;

/// <summary>One page of a paged IAM list; <see cref="Marker"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Marker);

/// <summary>An IAM user as ListUsers, GetUser and GetGroup return it.</summary>
public sealed record IamUserInfo(
    string UserName,
    string UserId,
    string Arn,
    string Path,
    DateTime CreateDate,
    DateTime? PasswordLastUsed,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>An IAM group.</summary>
public sealed record IamGroupInfo(string GroupName, string GroupId, string Arn, string Path, DateTime CreateDate);

/// <summary>A page of GetGroup: the group and a page of its members.</summary>
public sealed record GroupMembersPage(IamGroupInfo Group, IReadOnlyList<IamUserInfo> Members, string? Marker);

/// <summary>An MFA device assigned to a user, as ListMFADevices returns it.</summary>
public sealed record MfaDeviceInfo(string UserName, string SerialNumber, DateTime? EnableDate);

/// <summary>
/// A virtual MFA device as ListVirtualMFADevices returns it; <see cref="UserName"/> is null when unassigned.
/// </summary>
public sealed record VirtualMfaDeviceInfo(string SerialNumber, string? UserName, string? UserArn, DateTime? EnableDate);

/// <summary>A new virtual MFA device with its secret seed and QR code (CreateVirtualMFADevice).</summary>
public sealed record NewVirtualMfaDevice(string SerialNumber, byte[] Base32StringSeed, byte[] QrCodePng);

/// <summary>A user's console password (GetLoginProfile).</summary>
public sealed record LoginProfileInfo(string UserName, DateTime CreateDate, bool PasswordResetRequired);

/// <summary>An access key's metadata (ListAccessKeys).</summary>
public sealed record AccessKeyInfo(string UserName, string AccessKeyId, string Status, DateTime? CreateDate);

/// <summary>A customer-managed or AWS-managed policy (GetPolicy, ListPolicies, CreatePolicy).</summary>
public sealed record ManagedPolicyInfo(
    string PolicyName,
    string PolicyId,
    string Arn,
    string Path,
    string DefaultVersionId,
    int AttachmentCount,
    string? Description,
    DateTime CreateDate,
    DateTime UpdateDate);

/// <summary>
/// A version of a managed policy; <see cref="Document"/> is decoded JSON, or null where IAM omits it.
/// </summary>
public sealed record PolicyVersionInfo(string VersionId, bool IsDefaultVersion, DateTime CreateDate, string? Document);

/// <summary>A managed policy attached to a user or group.</summary>
public sealed record AttachedPolicyInfo(string PolicyName, string PolicyArn);

/// <summary>An inline policy with its decoded document.</summary>
public sealed record InlinePolicyInfo(string PolicyName, string Document);

/// <summary>What kind of entity a managed policy is attached to.</summary>
public enum PolicyEntityKind
{
    /// <summary>An IAM user.</summary>
    User,

    /// <summary>An IAM group.</summary>
    Group,

    /// <summary>An IAM role.</summary>
    Role,
}

/// <summary>A user, group or role a managed policy is attached to (ListEntitiesForPolicy).</summary>
public sealed record PolicyEntity(PolicyEntityKind Kind, string Name);

/// <summary>A user in GetAccountAuthorizationDetails: groups, policies and tags in one record.</summary>
public sealed record UserAuthorizationDetail(
    IamUserInfo User,
    IReadOnlyList<string> GroupNames,
    IReadOnlyList<AttachedPolicyInfo> AttachedPolicies,
    IReadOnlyList<InlinePolicyInfo> InlinePolicies);

/// <summary>A group in GetAccountAuthorizationDetails.</summary>
public sealed record GroupAuthorizationDetail(
    IamGroupInfo Group,
    IReadOnlyList<AttachedPolicyInfo> AttachedPolicies,
    IReadOnlyList<InlinePolicyInfo> InlinePolicies);

/// <summary>A managed policy in GetAccountAuthorizationDetails, with all its versions.</summary>
public sealed record PolicyAuthorizationDetail(ManagedPolicyInfo Policy, IReadOnlyList<PolicyVersionInfo> Versions)
{
    /// <summary>The default version's document, or null when IAM did not include it.</summary>
    public string? DefaultDocument
    {
        get
        {
            foreach (var version in Versions)
            {
                if (version.IsDefaultVersion)
                {
                    return version.Document;
                }
            }

            return null;
        }
    }
}

/// <summary>One page of GetAccountAuthorizationDetails.</summary>
public sealed record AuthorizationDetailsPage(
    IReadOnlyList<UserAuthorizationDetail> Users,
    IReadOnlyList<GroupAuthorizationDetail> Groups,
    IReadOnlyList<PolicyAuthorizationDetail> Policies,
    string? Marker);

/// <summary>Which entity kinds GetAccountAuthorizationDetails returns.</summary>
[Flags]
public enum AuthorizationDetailsFilter
{
    /// <summary>Users.</summary>
    User = 1,

    /// <summary>Groups.</summary>
    Group = 2,

    /// <summary>Customer-managed policies.</summary>
    LocalManagedPolicy = 4,

    /// <summary>AWS-managed policies.</summary>
    AwsManagedPolicy = 8,
}

/// <summary>Where credential report generation stands (GenerateCredentialReport).</summary>
public enum CredentialReportState
{
    /// <summary>Generation has started.</summary>
    Started,

    /// <summary>Generation is in progress.</summary>
    InProgress,

    /// <summary>A report is ready.</summary>
    Complete,
}

/// <summary>A credential report as GetCredentialReport returns it: CSV content and when it was made.</summary>
public sealed record CredentialReportContent(byte[] Content, DateTime GeneratedTime);

/// <summary>The scope of ListPolicies.</summary>
public enum PolicyScope
{
    /// <summary>Every policy.</summary>
    All,

    /// <summary>AWS-managed policies.</summary>
    Aws,

    /// <summary>Customer-managed policies.</summary>
    Local,
}

/// <summary>A context key for SimulatePrincipalPolicy.</summary>
public sealed record SimulationContextEntry(string Key, string Type, IReadOnlyList<string> Values);

/// <summary>One result of SimulatePrincipalPolicy.</summary>
public sealed record SimulationResult(
    string ActionName,
    string ResourceName,
    string Decision,
    IReadOnlyList<string> MatchedStatementSources,
    IReadOnlyList<string> MissingContextValues);

/// <summary>The caller's identity (STS GetCallerIdentity).</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);

/// <summary>Temporary credentials from STS GetSessionToken.</summary>
public sealed record SessionCredentials(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTime Expiration);
