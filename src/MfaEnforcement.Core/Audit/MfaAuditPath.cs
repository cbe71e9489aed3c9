namespace MfaEnforcement.Core.Audit;

/// <summary>How an audit reads the account.</summary>
public enum MfaAuditPath
{
    /// <summary>
    /// A handful of account-wide reads: GetAccountAuthorizationDetails, ListVirtualMFADevices and the credential
    /// report, plus ListMFADevices for the few users whose MFA is not a virtual device.
    /// </summary>
    Bulk,

    /// <summary>
    /// About ten requests per user: GetUser, ListMFADevices, GetLoginProfile, ListAccessKeys and the policies.
    /// </summary>
    PerUser,
}

/// <summary>The path an audit takes and why, in one sentence for <c>-Verbose</c>.</summary>
public sealed class MfaAuditPlan
{
    /// <summary>Creates a plan.</summary>
    public MfaAuditPlan(MfaAuditPath path, string reason)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The path.</summary>
    public MfaAuditPath Path { get; }

    /// <summary>Why this path.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Reason;
}
