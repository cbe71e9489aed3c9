using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// Proves offline what a user's policies allow with and without MFA: every default probe (and any extra action)
/// in the four sign-in states, then a verdict. It evaluates identity policies only; service control policies,
/// permissions boundaries and resource policies can deny more but never allow more. The rows that
/// <see cref="OnlineEnforcementProbe"/> gets from IAM's policy simulator are judged here too, alike.
/// </summary>
public static class EnforcementTester
{
    /// <summary>Tests the policies of <paramref name="userName"/> in <paramref name="accountId"/>.</summary>
    public static EnforcementTestResult Test(string userName, string accountId, IReadOnlyList<AppliedPolicy> policies,
        IEnumerable<string>? extraActions = null)
    {
        return Test(new ProbePrincipal(userName, accountId), policies, extraActions);
    }

    /// <summary>Tests the policies of <paramref name="principal"/> (path, partition and tags included).</summary>
    public static EnforcementTestResult Test(ProbePrincipal principal, IReadOnlyList<AppliedPolicy> policies,
        IEnumerable<string>? extraActions = null, DateTimeOffset? now = null)
    {
        if (principal is null)
        {
            throw new ArgumentNullException(nameof(principal));
        }

        if (policies is null)
        {
            throw new ArgumentNullException(nameof(policies));
        }

        PrincipalEnforcement analysis = EnforcementAnalyzer.AnalyzePrincipal(policies, principal);
        var named = policies.Select(p => new NamedPolicy(p.Label, p.Document)).ToList();
        DateTimeOffset at = now ?? DateTimeOffset.UtcNow;
        var rows = new List<EnforcementTestRow>();
        foreach (EnforcementProbe probe in EnforcementProbe.Defaults(principal, extraActions))
        {
            foreach (SignInState state in (SignInState[])Enum.GetValues(typeof(SignInState)))
            {
                RequestContext request = EnforcementProbe.BuildRequest(probe.Action, probe.Resource, state, principal,
                    analysis.MaxSessionAge, at);
                rows.Add(new EnforcementTestRow(probe, state, PolicyEvaluator.Evaluate(named, request)));
            }
        }

        return Judge(rows, analysis, principal, policies);
    }

    /// <summary>
    /// Judges an earlier result again for a principal learnt more about, such as a password reset that is pending,
    /// without probing again.
    /// </summary>
    public static EnforcementTestResult Rejudge(EnforcementTestResult result, ProbePrincipal principal)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        return Judge(result.Rows, result.Analysis, principal ?? throw new ArgumentNullException(nameof(principal)),
            result.Policies);
    }

    /// <summary>
    /// The verdict and findings for <paramref name="rows"/>, whatever decided them: the offline evaluator here, or
    /// IAM's policy simulator in <see cref="OnlineEnforcementProbe"/>. <paramref name="analysis"/> is the analysis
    /// of the user's policies (exceptions, exemption tag, maximum age), <paramref name="policies"/> the policies.
    /// </summary>
    internal static EnforcementTestResult Judge(IReadOnlyList<EnforcementTestRow> rows,
        PrincipalEnforcement analysis, ProbePrincipal principal, IReadOnlyList<AppliedPolicy> policies)
    {
        var list = rows.ToList();
        var findings = new List<string>();
        EnforcementVerdict verdict = JudgeVerdict(list, analysis, principal, policies, findings);
        findings.AddRange(analysis.Findings.Where(f => !findings.Contains(f)));
        return new EnforcementTestResult(verdict, list, findings, analysis, policies);
    }

    private static EnforcementVerdict JudgeVerdict(List<EnforcementTestRow> rows, PrincipalEnforcement analysis,
        ProbePrincipal principal, IReadOnlyList<AppliedPolicy> policies, List<string> findings)
    {
        bool notEnforced = ReportExposures(rows, analysis, principal, findings);
        ReportSecondary(rows, analysis, findings);
        if (notEnforced)
        {
            return EnforcementVerdict.NotEnforced;
        }

        var undecided = rows.Where(r => r.Decision == PolicyDecision.CannotEvaluate && Matters(r)).ToList();
        foreach (EnforcementTestRow row in undecided)
        {
            findings.Add($"{row.Action} ({row.State}) cannot be evaluated: {row.Result.Reason}.");
        }

        if (undecided.Count > 0)
        {
            return EnforcementVerdict.CannotEvaluate;
        }

        var blocked = rows.Where(BlocksEnrollment).ToList();
        foreach (EnforcementTestRow row in blocked)
        {
            findings.Add($"{row.Action} is needed to enroll an MFA device but is {Explain(row.Result)} when "
                + $"signed in without MFA ({row.State}); the user cannot enroll.");
        }

        if (blocked.Count > 0)
        {
            if (principal.Path != "/" && policies.Any(p => MissesUsersWithAPath(p.Document)))
            {
                findings.Add($"The user's ARN includes the path {principal.Path}: a statement on "
                    + "user/${aws:username} does not match it; list user/*/${aws:username} beside it.");
            }

            return EnforcementVerdict.CannotEnroll;
        }

        EnforcementTestRow password = rows.First(r => r.Probe.Kind == ProbeKind.PasswordChange
            && r.State == SignInState.ConsoleNoMfa);
        if (password.Decision == PolicyDecision.Allowed)
        {
            return EnforcementVerdict.Enforced;
        }

        // Signing in with MFA first and changing the password then works, except at a first sign-in that demands
        // a new password: that one deadlocks (DESIGN.md, section 5).
        if (principal.PasswordResetRequired)
        {
            findings.Add($"iam:ChangePassword is {Explain(password.Result)} without MFA, and {principal.UserName} "
                + "must set a new password at the next sign-in, before any MFA device: the sign-in cannot finish. "
                + "Set AllowPasswordChange on the enforcement policy (New-MfaEnforcementPolicy "
                + "-AllowPasswordChange), or clear the reset requirement.");
            return EnforcementVerdict.PasswordChangeBlocked;
        }

        findings.Add($"iam:ChangePassword is {Explain(password.Result)} without MFA: users change their password "
            + "after signing in with MFA. A user given a one-time password that must be changed at first sign-in "
            + "would be stuck; set AllowPasswordChange on the enforcement policy if users get those.");
        return EnforcementVerdict.Enforced;
    }

    /// <summary>
    /// An Allow on <c>user/${aws:username}</c> alone, as AWS's example policy has it, never matches a user created
    /// under a path, whose ARN is <c>user/PATH/NAME</c>.
    /// </summary>
    private static bool MissesUsersWithAPath(PolicyDocument document) =>
        document.Statements.Where(s => s.Effect == PolicyEffect.Allow).Any(s =>
            s.Resources.Any(r => r.EndsWith(":user/${aws:username}", StringComparison.Ordinal))
            && !s.Resources.Any(r => r.EndsWith(":user/*/${aws:username}", StringComparison.Ordinal)));

    /// <summary>Ordinary or extra actions allowed without MFA: enforcement does not hold.</summary>
    private static bool ReportExposures(List<EnforcementTestRow> rows, PrincipalEnforcement analysis,
        ProbePrincipal principal, List<string> findings)
    {
        var allowed = rows.Where(r => IsOrdinary(r) && IsWithoutMfa(r.State) && r.Decision == PolicyDecision.Allowed)
            .ToList();
        var intended = allowed.Where(r => r.Probe.Kind == ProbeKind.Extra && analysis.AllowedWithoutMfa
            .Any(pattern => PolicyEvaluator.ActionMatches(pattern, r.Action))).ToList();
        foreach (string action in intended.Select(r => r.Action).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            findings.Add($"{action} is allowed without MFA, as the enforcement policy's exceptions intend.");
        }

        var exposed = allowed.Except(intended).ToList();
        foreach (var group in exposed.GroupBy(r => r.Action, StringComparer.OrdinalIgnoreCase))
        {
            string states = string.Join(" and ", group.Select(r => r.State).Distinct());
            string by = string.Join(", ", group.SelectMany(r => r.Result.DecidingPolicies).Distinct());
            findings.Add($"{group.Key} stays allowed without MFA ({states}), allowed by {by}.");
        }

        if (exposed.Count > 0 && analysis.ExemptionTag is string tag && principal.Tags.TryGetValue(tag, out string? v)
            && v == "true")
        {
            findings.Add($"The user carries the exemption tag {tag}=true, so the enforcement does not apply to them.");
        }

        return exposed.Count > 0;
    }

    /// <summary>Warnings that do not change the verdict: MFA removal without MFA, an unenforced maximum age.</summary>
    private static void ReportSecondary(List<EnforcementTestRow> rows, PrincipalEnforcement analysis,
        List<string> findings)
    {
        foreach (EnforcementTestRow row in rows.Where(r => r.Probe.Kind == ProbeKind.MfaRemoval
            && IsWithoutMfa(r.State) && r.Decision == PolicyDecision.Allowed))
        {
            findings.Add($"{row.Action} is allowed without MFA ({row.State}) by {row.DecidedBy}: a stolen password "
                + "could remove the user's device and enroll another.");
        }

        if (analysis.MaxSessionAge is TimeSpan maxAge)
        {
            var stale = rows.Where(r => IsOrdinary(r) && r.State == SignInState.MfaExpired
                && r.Decision == PolicyDecision.Allowed).Select(r => r.Action).ToList();
            if (stale.Count > 0)
            {
                findings.Add($"Sessions older than the maximum MFA age of {maxAge} can still call "
                    + $"{string.Join(", ", stale)}.");
            }
        }

        if (!rows.Any(r => IsOrdinary(r) && r.State == SignInState.MfaFresh && r.Decision == PolicyDecision.Allowed))
        {
            findings.Add("None of the probed ordinary actions is allowed even with MFA, so the probes show little "
                + "about enforcement; add actions the user needs with -Action.");
        }
    }

    private static bool BlocksEnrollment(EnforcementTestRow row)
    {
        if (row.Probe.Kind != ProbeKind.Enrollment || !IsWithoutMfa(row.State))
        {
            return false;
        }

        // GetSessionToken needs no permission, only the absence of a deny; it is called with access keys.
        // See https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html.
        if (string.Equals(row.Action, "sts:GetSessionToken", StringComparison.OrdinalIgnoreCase))
        {
            return row.Decision == PolicyDecision.ExplicitDeny;
        }

        return row.State == SignInState.ConsoleNoMfa && row.Decision != PolicyDecision.Allowed;
    }

    /// <summary>Whether an undecidable row could change the verdict.</summary>
    private static bool Matters(EnforcementTestRow row)
    {
        bool getSessionToken = string.Equals(row.Action, "sts:GetSessionToken", StringComparison.OrdinalIgnoreCase);
        return IsWithoutMfa(row.State) && (IsOrdinary(row)
            || (getSessionToken && row.Probe.Kind == ProbeKind.Enrollment)
            || (row.State == SignInState.ConsoleNoMfa
                && row.Probe.Kind is ProbeKind.Enrollment or ProbeKind.PasswordChange));
    }

    private static bool IsOrdinary(EnforcementTestRow row) =>
        row.Probe.Kind is ProbeKind.Ordinary or ProbeKind.Extra;

    private static bool IsWithoutMfa(SignInState state) =>
        state is SignInState.AccessKey or SignInState.ConsoleNoMfa;

    private static string Explain(PolicyEvaluationResult result) => result.Decision switch
    {
        PolicyDecision.ExplicitDeny => $"denied by {string.Join(", ", result.DecidingStatements)}",
        PolicyDecision.ImplicitDeny => "not allowed by any policy",
        PolicyDecision.CannotEvaluate => $"undecidable ({result.Reason})",
        _ => "allowed",
    };
}
