using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Policy;

/// <summary>The analysis of all the policies that apply to one user.</summary>
public static partial class EnforcementAnalyzer
{
    private static readonly SignInState[] s_withoutMfa = { SignInState.AccessKey, SignInState.ConsoleNoMfa };

    /// <summary>
    /// Tells whether MFA is enforced on a user with these policies, by which, and what weakens it; in particular
    /// whether an Allow that requires MFA is bypassed by another policy that allows the same actions without it
    /// (decided by evaluating ordinary actions with no MFA keys present).
    /// </summary>
    /// <param name="policies">Every identity policy of the user: attached, inline and through groups.</param>
    /// <param name="principal">The user, for policy variables; a stand-in user when null.</param>
    public static PrincipalEnforcement AnalyzePrincipal(IReadOnlyList<AppliedPolicy> policies,
        ProbePrincipal? principal = null)
    {
        if (policies is null)
        {
            throw new ArgumentNullException(nameof(policies));
        }

        principal ??= new ProbePrincipal("mfa-probe-user", "123456789012");
        var analyses = policies.Select(p => (Policy: p, Analysis: Analyze(p.Document, p.Label))).ToList();
        var findings = analyses.SelectMany(a => a.Analysis.Findings).ToList();

        var enforcing = analyses.Where(a => a.Analysis.Level != MfaEnforcementLevel.None).ToList();
        var enforcedBy = enforcing.Select(a => new EnforcementSource(a.Policy.Name, a.Policy.PolicyArn,
            a.Policy.Via, a.Policy.GroupName, a.Analysis.Level)).ToList();
        MfaEnforcementLevel level = enforcing.Count == 0
            ? MfaEnforcementLevel.None
            : enforcing.Max(a => a.Analysis.Level);
        TimeSpan? maxAge = analyses.Where(a => a.Analysis.MaxSessionAge is not null)
            .Select(a => a.Analysis.MaxSessionAge).DefaultIfEmpty(null).Min();
        string? exemption = SharedExemption(enforcing.Where(a => a.Analysis.Level == level).ToList(), findings);

        if (level != MfaEnforcementLevel.Full)
        {
            IEnumerable<NamedPolicy> all = policies.Select(p => new NamedPolicy(p.Label, p.Document)).ToList();
            foreach (var (policy, analysis) in analyses.Where(a => a.Analysis.MfaConditionedAllows.Count > 0))
            {
                findings.AddRange(FindBypasses(policy, analysis, all, principal));
            }
        }

        string[] allowedWithoutMfa = enforcing.Where(a => a.Analysis.Level == level)
            .SelectMany(a => a.Analysis.AllowedWithoutMfa).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return new PrincipalEnforcement(level, enforcedBy, maxAge, exemption, allowedWithoutMfa, findings);
    }

    /// <summary>The exemption tag only exempts if every enforcing policy honours the same one.</summary>
    private static string? SharedExemption(List<(AppliedPolicy Policy, PolicyEnforcement Analysis)> enforcing,
        List<string> findings)
    {
        var tags = enforcing.Select(a => a.Analysis.ExemptionTag).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tags.Count == 1)
        {
            return tags[0];
        }

        var exempting = enforcing.Where(a => a.Analysis.ExemptionTag is not null).ToList();
        foreach (var (policy, analysis) in exempting)
        {
            string strict = string.Join(", ", enforcing.Where(a => a.Analysis.ExemptionTag is null
                || !string.Equals(a.Analysis.ExemptionTag, analysis.ExemptionTag, StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Policy.Label));
            findings.Add($"Policy {policy.Label} exempts principals tagged {analysis.ExemptionTag}, but {strict} "
                + "enforces MFA without that exemption, so the tag exempts no one.");
        }

        return null;
    }

    private static IEnumerable<string> FindBypasses(AppliedPolicy policy, PolicyEnforcement analysis,
        IEnumerable<NamedPolicy> all, ProbePrincipal principal)
    {
        var own = new[] { new NamedPolicy(policy.Label, policy.Document) };
        var bypassedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var undecided = new List<string>();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        foreach (EnforcementProbe probe in BypassProbes(policy.Document, analysis, principal))
        {
            RequestContext withMfa = EnforcementProbe.BuildRequest(probe.Action, probe.Resource,
                SignInState.MfaFresh, principal, null, now);
            if (PolicyEvaluator.Evaluate(own, withMfa).Decision != PolicyDecision.Allowed)
            {
                continue;
            }

            foreach (SignInState state in s_withoutMfa)
            {
                RequestContext request = EnforcementProbe.BuildRequest(probe.Action, probe.Resource, state,
                    principal, null, now);
                PolicyEvaluationResult result = PolicyEvaluator.Evaluate(all, request);
                if (result.Decision == PolicyDecision.CannotEvaluate)
                {
                    undecided.Add($"{probe.Action}: {result.Reason}");
                }
                else if (result.Decision == PolicyDecision.Allowed)
                {
                    foreach (string other in result.DecidingPolicies.Where(n => n != policy.Label))
                    {
                        if (!bypassedBy.TryGetValue(other, out List<string>? actions))
                        {
                            bypassedBy[other] = actions = new List<string>();
                        }

                        if (!actions.Contains(probe.Action))
                        {
                            actions.Add(probe.Action);
                        }
                    }
                }
            }
        }

        foreach (KeyValuePair<string, List<string>> bypass in bypassedBy)
        {
            yield return $"Allow requiring MFA in policy {policy.Label} is bypassed by policy {bypass.Key}, which "
                + $"allows the same actions without MFA ({string.Join(", ", bypass.Value)}).";
        }

        foreach (string reason in undecided.Distinct())
        {
            yield return $"Whether policy {policy.Label}'s MFA requirement is bypassed could not be decided: {reason}.";
        }
    }

    /// <summary>The ordinary probe actions, then the plain actions the MFA-conditioned allows name.</summary>
    private static IEnumerable<EnforcementProbe> BypassProbes(PolicyDocument document, PolicyEnforcement analysis,
        ProbePrincipal principal)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string action in MfaActions.Ordinary)
        {
            seen.Add(action);
            yield return new EnforcementProbe(action, EnforcementProbe.ResourceFor(action, principal),
                ProbeKind.Ordinary);
        }

        foreach (StatementReference reference in analysis.MfaConditionedAllows)
        {
            PolicyStatement statement = document.Statements[reference.Index];
            string resource = statement.Resources.FirstOrDefault(r => r.IndexOfAny(new[] { '*', '?', '$' }) < 0)
                ?? "*";
            foreach (string action in statement.Actions.Where(a => a.IndexOfAny(new[] { '*', '?' }) < 0))
            {
                if (seen.Add(action))
                {
                    yield return new EnforcementProbe(action, resource, ProbeKind.Ordinary);
                }
            }
        }
    }
}
