using System;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement;

/// <summary>
/// One probe in one sign-in state, as <c>Test-MfaEnforcement</c> emits it: the action, the decision, and the
/// statement that decided it.
/// </summary>
public sealed class MfaEnforcementTestRow
{
    /// <summary>Copies a row of <paramref name="userName"/>'s test (null for a policy document).</summary>
    public MfaEnforcementTestRow(string? userName, EnforcementTestRow row)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        UserName = userName;
        Action = row.Action;
        Resource = row.Probe.Resource;
        Kind = row.Probe.Kind;
        State = row.State;
        Decision = row.Decision;
        DecidedBy = row.DecidedBy;
        Reason = row.Result.Reason;
    }

    /// <summary>The user tested, or null when a policy document was tested.</summary>
    public string? UserName { get; }

    /// <summary>The action probed.</summary>
    public string Action { get; }

    /// <summary>The resource probed, or <c>*</c>.</summary>
    public string Resource { get; }

    /// <summary>What the probe shows: Enrollment, PasswordChange, MfaRemoval, Credentials, Ordinary or Extra.</summary>
    public ProbeKind Kind { get; }

    /// <summary>The sign-in state: AccessKey, ConsoleNoMfa, MfaFresh or MfaExpired.</summary>
    public SignInState State { get; }

    /// <summary>Allowed, ExplicitDeny, ImplicitDeny or CannotEvaluate.</summary>
    public PolicyDecision Decision { get; }

    /// <summary>The deciding statements as <c>Policy/Sid</c>, comma-separated; empty for an implicit deny.</summary>
    public string DecidedBy { get; }

    /// <summary>Why the decision could not be made offline, for CannotEvaluate.</summary>
    public string? Reason { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Action} [{State}]: {Decision}";
}
