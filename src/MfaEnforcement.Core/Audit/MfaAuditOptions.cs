using System;
using System.Threading;
using System.Threading.Tasks;

namespace MfaEnforcement.Core.Audit;

/// <summary>How <see cref="MfaAuditor"/> judges users and whom it tells what it does.</summary>
public sealed class MfaAuditOptions
{
    /// <summary>The default exemption tag key.</summary>
    public const string DefaultExemptionTagKey = "mfa-exempt";

    /// <summary>The exemption tag's value.</summary>
    public const string ExemptionTagValue = "true";

    /// <summary>A user tagged with this key and the value <c>true</c> is <see cref="MfaState.Exempt"/>.</summary>
    public string ExemptionTagKey { get; set; } = DefaultExemptionTagKey;

    /// <summary>Receives one line per request and per decision, for <c>-Verbose</c>; called from any thread.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Receives progress per phase and per page, for <c>Write-Progress</c>; called from any thread.</summary>
    public Action<MfaAuditProgress>? Progress { get; set; }

    /// <summary>How long to wait for a credential report to be generated before giving up.</summary>
    internal TimeSpan CredentialReportTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first wait between GenerateCredentialReport calls; it doubles up to five seconds.</summary>
    internal TimeSpan CredentialReportFirstPoll { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>At most this many per-user requests are in flight at once.</summary>
    internal int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>Waits between polls; tests replace it so that they do not sleep.</summary>
    internal Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;
}
