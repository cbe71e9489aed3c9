using System;
using System.Collections.Generic;
using System.Linq;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement;

/// <summary>
/// The verdict of <c>Test-MfaEnforcement</c> for one user or policy document: whether MFA is enforced, which
/// actions stay open without it and which policies open them, and the findings that explain it.
/// </summary>
public sealed class MfaEnforcementVerdict
{
    /// <summary>Summarises <paramref name="result"/> for <paramref name="userName"/> (null for a document).</summary>
    public MfaEnforcementVerdict(string? userName, IReadOnlyList<AppliedPolicy> policies, EnforcementTestResult result)
    {
        if (policies is null)
        {
            throw new ArgumentNullException(nameof(policies));
        }

        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        UserName = userName;
        Verdict = result.Verdict.ToString();
        IsEnforced = result.IsEnforced;
        Policies = policies.Select(p => p.Label).ToArray();
        EnforcedBy = result.Analysis.EnforcedBy.Select(s => s.ToString()).ToArray();
        var open = result.Rows.Where(r => r.Probe.Kind is ProbeKind.Ordinary or ProbeKind.Extra
            && r.State is SignInState.AccessKey or SignInState.ConsoleNoMfa
            && r.Decision == PolicyDecision.Allowed).ToList();
        OpenWithoutMfa = open.Select(r => r.Action).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        OpenedBy = open.SelectMany(r => r.Result.DecidingPolicies).Distinct(StringComparer.Ordinal).ToArray();
        Findings = result.Findings;
    }

    /// <summary>The user tested, or null when a policy document was tested.</summary>
    public string? UserName { get; }

    /// <summary>
    /// Enforced, NotEnforced, CannotEnroll, PasswordChangeBlocked or CannotEvaluate; a string, so that
    /// <c>Where-Object Verdict</c> keeps every verdict (the enum's Enforced is 0, which PowerShell reads as false).
    /// </summary>
    public string Verdict { get; }

    /// <summary>Whether ordinary actions need MFA (true also for CannotEnroll and PasswordChangeBlocked).</summary>
    public bool IsEnforced { get; }

    /// <summary>The ordinary or requested actions allowed without MFA.</summary>
    public IReadOnlyList<string> OpenWithoutMfa { get; }

    /// <summary>The policies whose allows leave those actions open.</summary>
    public IReadOnlyList<string> OpenedBy { get; }

    /// <summary>The policies that enforce MFA, and how each reaches the user.</summary>
    public IReadOnlyList<string> EnforcedBy { get; }

    /// <summary>Every policy tested, with how it reaches the user.</summary>
    public IReadOnlyList<string> Policies { get; }

    /// <summary>Plain sentences that explain the verdict and what to do.</summary>
    public IReadOnlyList<string> Findings { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{UserName ?? "policy document"}: {Verdict}";
}
