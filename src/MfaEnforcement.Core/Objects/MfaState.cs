namespace MfaEnforcement;

/// <summary>
/// Where a user stands on MFA, in the order a reader should act on them. <see cref="Exempt"/> takes precedence over
/// every other value.
/// </summary>
public enum MfaState
{
    /// <summary>
    /// A console password, no MFA device and nothing enforces MFA: the finding of CIS AWS Foundations 1.10 and
    /// Security Hub IAM.5 (IAM.9 for the root user).
    /// </summary>
    NoMfa,

    /// <summary>Enforcement applies but there is no device yet: the user can sign in and can only enroll.</summary>
    PendingEnrollment,

    /// <summary>A device, but no policy enforces it: access keys and sessions without MFA still work.</summary>
    MfaNotEnforced,

    /// <summary>
    /// A device, and an enforcement policy applies; for the root user, a device, which AWS asks for at every sign-in.
    /// </summary>
    Enforced,

    /// <summary>No console password and no MFA device: access keys only (Security Hub IAM.19 still flags it).</summary>
    ProgrammaticOnly,

    /// <summary>The user carries the exemption tag (break-glass users, service accounts).</summary>
    Exempt,
}
