using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>What <see cref="EnforcementTester"/> concludes, in the order a reader should act on it.</summary>
public enum EnforcementVerdict
{
    /// <summary>Nothing ordinary works without MFA, enrollment and password change work without it.</summary>
    Enforced,

    /// <summary>Some ordinary action stays allowed without MFA; the findings say which and by what policy.</summary>
    NotEnforced,

    /// <summary>Enforced, but an action needed to enroll a device is denied or not allowed without MFA.</summary>
    CannotEnroll,

    /// <summary>
    /// Enforced, but a user cannot change a password without MFA, so a first or expired password deadlocks the
    /// sign-in; <see cref="EnforcementPolicyOptions.AllowPasswordChange"/> is the remedy.
    /// </summary>
    PasswordChangeBlocked,

    /// <summary>Some outcome depends on what cannot be evaluated offline; the findings say what.</summary>
    CannotEvaluate,
}

/// <summary>One probe in one sign-in state, with the decision and what decided it.</summary>
public sealed class EnforcementTestRow
{
    internal EnforcementTestRow(EnforcementProbe probe, SignInState state, PolicyEvaluationResult result)
    {
        Probe = probe;
        State = state;
        Result = result;
    }

    /// <summary>The probe.</summary>
    public EnforcementProbe Probe { get; }

    /// <summary>The action probed.</summary>
    public string Action => Probe.Action;

    /// <summary>The sign-in state.</summary>
    public SignInState State { get; }

    /// <summary>The evaluation's result.</summary>
    public PolicyEvaluationResult Result { get; }

    /// <summary>The decision.</summary>
    public PolicyDecision Decision => Result.Decision;

    /// <summary>The deciding statements, comma-separated (<c>Policy/Sid</c>), or empty.</summary>
    public string DecidedBy => string.Join(", ", Result.DecidingStatements);

    /// <inheritdoc/>
    public override string ToString() => $"{Action} [{State}]: {Result}";
}

/// <summary>The rows of probe × sign-in state, the verdict, and the findings that explain it.</summary>
public sealed class EnforcementTestResult
{
    internal EnforcementTestResult(EnforcementVerdict verdict, IReadOnlyList<EnforcementTestRow> rows,
        IReadOnlyList<string> findings, PrincipalEnforcement analysis, IReadOnlyList<AppliedPolicy> policies)
    {
        Verdict = verdict;
        Rows = rows;
        Findings = findings;
        Analysis = analysis;
        Policies = policies;
    }

    /// <summary>The policies tested.</summary>
    public IReadOnlyList<AppliedPolicy> Policies { get; }

    /// <summary>The verdict.</summary>
    public EnforcementVerdict Verdict { get; }

    /// <summary>
    /// Whether ordinary actions need MFA: true for <see cref="EnforcementVerdict.Enforced"/> and for the two
    /// warnings that come with enforcement (<see cref="EnforcementVerdict.CannotEnroll"/>,
    /// <see cref="EnforcementVerdict.PasswordChangeBlocked"/>).
    /// </summary>
    public bool IsEnforced => Verdict is EnforcementVerdict.Enforced or EnforcementVerdict.CannotEnroll
        or EnforcementVerdict.PasswordChangeBlocked;

    /// <summary>
    /// Whether the policies deny iam:ChangePassword to a console session without MFA, which matters only to a user
    /// whose password must be reset at the next sign-in.
    /// </summary>
    public bool BlocksPasswordChangeWithoutMfa => Rows.Any(r => r.Probe.Kind == ProbeKind.PasswordChange
        && r.State == SignInState.ConsoleNoMfa && r.Decision != PolicyDecision.Allowed);

    /// <summary>Every probe in every sign-in state.</summary>
    public IReadOnlyList<EnforcementTestRow> Rows { get; }

    /// <summary>Plain sentences that explain the verdict and anything else worth acting on.</summary>
    public IReadOnlyList<string> Findings { get; }

    /// <summary>The analysis of the policies behind the probes.</summary>
    public PrincipalEnforcement Analysis { get; }

    /// <summary>The row for <paramref name="action"/> in <paramref name="state"/>.</summary>
    public EnforcementTestRow Row(string action, SignInState state) =>
        Rows.FirstOrDefault(r => r.State == state
            && string.Equals(r.Action, action, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No probe of {action} in {state}.", nameof(action));
}
