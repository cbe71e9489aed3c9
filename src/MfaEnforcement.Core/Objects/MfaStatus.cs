using System;
using System.Collections.Generic;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement;

/// <summary>
/// Where one IAM user, or the root user, stands on MFA, as <c>Get-IamMfaStatus</c> emits it: the user, how they
/// can sign in, their devices, which policies enforce MFA on them, and the resulting <see cref="Status"/> with the
/// reason for it.
/// </summary>
public sealed class MfaStatus
{
    /// <summary>The <see cref="UserName"/> of the root user's row, as the credential report names it.</summary>
    public const string RootUserName = "<root_account>";

    internal MfaStatus(
        string userName,
        string arn,
        string? path,
        DateTime? createDate,
        bool hasConsolePassword,
        DateTime? passwordLastUsed,
        IReadOnlyList<MfaDevice> mfaDevices,
        int activeAccessKeys,
        IReadOnlyList<EnforcementSource> enforcedBy,
        bool exempt,
        MfaState status,
        string reason,
        IReadOnlyList<string> findings)
    {
        UserName = userName;
        Arn = arn;
        Path = path;
        CreateDate = createDate;
        HasConsolePassword = hasConsolePassword;
        PasswordLastUsed = passwordLastUsed;
        MfaDevices = mfaDevices;
        ActiveAccessKeys = activeAccessKeys;
        EnforcedBy = enforcedBy;
        Exempt = exempt;
        Status = status;
        Reason = reason;
        Findings = findings;
    }

    /// <summary>The user's name; <c>&lt;root_account&gt;</c> for the root user.</summary>
    public string UserName { get; }

    /// <summary>The user's ARN (<c>arn:aws:iam::ACCOUNT:root</c> for the root user).</summary>
    public string Arn { get; }

    /// <summary>The user's path; null for the root user.</summary>
    public string? Path { get; }

    /// <summary>When the user was created (UTC); null for the root user.</summary>
    public DateTime? CreateDate { get; }

    /// <summary>Whether the user has a console password (a login profile).</summary>
    public bool HasConsolePassword { get; }

    /// <summary>The last console sign-in (UTC), if any is known.</summary>
    public DateTime? PasswordLastUsed { get; }

    /// <summary>The user's MFA devices.</summary>
    public IReadOnlyList<MfaDevice> MfaDevices { get; }

    /// <summary>Whether at least one MFA device is assigned.</summary>
    public bool MfaEnabled => MfaDevices.Count > 0;

    /// <summary>How many active access keys the user has.</summary>
    public int ActiveAccessKeys { get; }

    /// <summary>The policies that enforce MFA on the user and how each reaches them (direct, inline, group).</summary>
    public IReadOnlyList<EnforcementSource> EnforcedBy { get; }

    /// <summary>Whether the user carries the exemption tag.</summary>
    public bool Exempt { get; }

    /// <summary>Where the user stands; see <see cref="MfaState"/>.</summary>
    public MfaState Status { get; }

    /// <summary>Why the user has this status, in one sentence.</summary>
    public string Reason { get; }

    /// <summary>
    /// What a reader should know about the user's policies, such as an MFA requirement that another policy bypasses.
    /// </summary>
    public IReadOnlyList<string> Findings { get; }

    /// <inheritdoc />
    public override string ToString() => $"{UserName}: {Status}";
}
