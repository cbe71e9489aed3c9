namespace MfaEnforcement.Core.Audit;

/// <summary>The phases of an audit; the bulk path runs the first three at the same time.</summary>
public enum MfaAuditPhase
{
    /// <summary>Reading GetAccountAuthorizationDetails page by page.</summary>
    AuthorizationDetails,

    /// <summary>Listing the account's virtual MFA devices.</summary>
    VirtualMfaDevices,

    /// <summary>Reusing, or generating and downloading, the credential report.</summary>
    CredentialReport,

    /// <summary>Listing the devices of users whose MFA is not a virtual device.</summary>
    OtherMfaDevices,

    /// <summary>Reading users one by one (per-user path).</summary>
    Users,

    /// <summary>Judging each user's policies and status.</summary>
    Analysis,
}

/// <summary>Where one phase of an audit stands, for a progress bar.</summary>
public sealed class MfaAuditProgress
{
    /// <summary>Creates a progress report.</summary>
    public MfaAuditProgress(MfaAuditPhase phase, string activity, string status, int percentComplete = -1,
        bool completed = false)
    {
        Phase = phase;
        Activity = activity;
        Status = status;
        PercentComplete = percentComplete;
        Completed = completed;
    }

    /// <summary>The phase.</summary>
    public MfaAuditPhase Phase { get; }

    /// <summary>What the phase does, such as <c>Reading account authorization details</c>.</summary>
    public string Activity { get; }

    /// <summary>Where it stands, such as <c>Page 3: 2,000 users</c>.</summary>
    public string Status { get; }

    /// <summary>0 to 100, or -1 when the total is not known.</summary>
    public int PercentComplete { get; }

    /// <summary>Whether the phase is over.</summary>
    public bool Completed { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Activity}: {Status}";
}
