using System.Collections.Generic;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// The IAM and STS actions the enforcement policy is built from, checked against AWS's example policy that lets
/// MFA-authenticated users manage their own credentials:
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html.
/// </summary>
public static class MfaActions
{
    /// <summary>
    /// What a user needs, without MFA, to enroll a virtual device and to get an MFA session: never denied by the
    /// enforcement policy. <c>sts:GetSessionToken</c> needs no permission, only the absence of a deny.
    /// See https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html.
    /// </summary>
    public static IReadOnlyList<string> Enrollment { get; } = new[]
    {
        "iam:CreateVirtualMFADevice",
        "iam:EnableMFADevice",
        "iam:GetUser",
        "iam:ListMFADevices",
        "iam:ListVirtualMFADevices",
        "iam:ResyncMFADevice",
        "sts:GetSessionToken",
    };

    /// <summary>
    /// What a user needs to change an expired or first password at sign-in; allowed without MFA only on request,
    /// as AWS's example policy notes.
    /// </summary>
    public static IReadOnlyList<string> PasswordChange { get; } = new[]
    {
        "iam:ChangePassword",
        "iam:GetAccountPasswordPolicy",
    };

    /// <summary>Managing one's own access keys, signing certificates, SSH public keys and git credentials.</summary>
    public static IReadOnlyList<string> SelfServiceCredentials { get; } = new[]
    {
        "iam:CreateAccessKey",
        "iam:DeleteAccessKey",
        "iam:GetAccessKeyLastUsed",
        "iam:ListAccessKeys",
        "iam:UpdateAccessKey",
        "iam:DeleteSigningCertificate",
        "iam:ListSigningCertificates",
        "iam:UpdateSigningCertificate",
        "iam:UploadSigningCertificate",
        "iam:DeleteSSHPublicKey",
        "iam:GetSSHPublicKey",
        "iam:ListSSHPublicKeys",
        "iam:UpdateSSHPublicKey",
        "iam:UploadSSHPublicKey",
        "iam:CreateServiceSpecificCredential",
        "iam:DeleteServiceSpecificCredential",
        "iam:ListServiceSpecificCredentials",
        "iam:ResetServiceSpecificCredential",
        "iam:UpdateServiceSpecificCredential",
    };

    /// <summary>Removing one's own MFA device: allowed only in a session that used MFA.</summary>
    public const string DeactivateMfaDevice = "iam:DeactivateMFADevice";

    /// <summary>
    /// Ordinary actions, one read and two destructive, that no user should reach without MFA once it is enforced;
    /// used to probe whether an allow goes around an MFA requirement.
    /// </summary>
    public static IReadOnlyList<string> Ordinary { get; } = new[]
    {
        "s3:ListAllMyBuckets",
        "ec2:TerminateInstances",
        "iam:CreateUser",
    };

    /// <summary>
    /// Actions that reach resources, escalate, or take over the account; an enforcement deny that lets any of them
    /// through without MFA does not enforce MFA (removing the device lets a stolen password enroll a new one).
    /// </summary>
    public static IReadOnlyList<string> Sensitive { get; } = new[]
    {
        "s3:ListAllMyBuckets",
        "ec2:TerminateInstances",
        "iam:CreateUser",
        "iam:AttachUserPolicy",
        "iam:PutUserPolicy",
        "iam:DeactivateMFADevice",
        "lambda:InvokeFunction",
    };
}
