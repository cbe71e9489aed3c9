using System;
using System.Collections.Generic;
using System.Linq;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Core.Audit;

/// <summary>
/// Turns what was read about a user into an <see cref="MfaStatus"/>: the policy analysis comes from
/// <see cref="EnforcementAnalyzer.AnalyzePrincipal"/>, the status follows DESIGN's precedence (Exempt first).
/// </summary>
internal sealed class MfaStatusJudge
{
    private readonly string _exemptionTagKey;
    private readonly Dictionary<string, PrincipalEnforcement> _shared = new(StringComparer.Ordinal);

    public MfaStatusJudge(string exemptionTagKey)
    {
        _exemptionTagKey = exemptionTagKey;
    }

    public MfaStatus Judge(UserFacts facts)
    {
        var user = facts.User;
        var sources = facts.Policies.OrderBy(p => p.Via).ThenBy(p => p.GroupName, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Arn, StringComparer.Ordinal);
        var applied = PrincipalPolicies.Apply(sources);
        var findings = applied.Unreadable.Select(source =>
            $"Policy {source.Label} could not be read, so it is left out: {source.Document.Error}").ToList();

        var analysis = Analyze(applied, user);
        findings.AddRange(analysis.Findings);
        var enforced = analysis.IsEnforced;
        if (enforced && analysis.ExemptionTag is { } policyTag && HasTag(user, policyTag))
        {
            enforced = false;
            findings.Add($"The enforcing policies exempt users tagged {policyTag}={MfaAuditOptions.ExemptionTagValue}, "
                + "and this user carries that tag, so they do not apply.");
        }

        var exempt = HasTag(user, _exemptionTagKey);
        var devices = facts.Devices;
        var status = exempt ? MfaState.Exempt
            : devices.Count > 0 ? (enforced ? MfaState.Enforced : MfaState.MfaNotEnforced)
            : !facts.HasConsolePassword ? MfaState.ProgrammaticOnly
            : enforced ? MfaState.PendingEnrollment
            : MfaState.NoMfa;

        return new MfaStatus(
            user.UserName,
            user.Arn,
            user.Path,
            Seconds(user.CreateDate),
            facts.HasConsolePassword,
            Seconds(facts.PasswordLastUsed),
            devices,
            facts.ActiveAccessKeys,
            analysis.EnforcedBy,
            exempt,
            status,
            Reason(status, facts, analysis, findings.Count > 0),
            findings);
    }

    /// <summary>Devices in a fixed order, so that both paths list them alike.</summary>
    public static IReadOnlyList<MfaDevice> Devices(IEnumerable<MfaDevice> devices) => devices
        .GroupBy(d => d.SerialNumber, StringComparer.Ordinal).Select(g => g.First())
        .Select(d => new MfaDevice(d.SerialNumber, d.Type, Seconds(d.EnableDate)))
        .OrderBy(d => d.EnableDate).ThenBy(d => d.SerialNumber, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Times to the whole second in UTC: the credential report has no finer times than that, so both paths agree.
    /// </summary>
    public static DateTime? Seconds(DateTime? value) => value is DateTime time
        ? new DateTime(time.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond,
            DateTimeKind.Utc)
        : null;

    /// <summary>
    /// <see cref="EnforcementAnalyzer.AnalyzePrincipal"/> reads the user (name, path, tags) only to probe whether an
    /// Allow that requires MFA is bypassed, which it does only when no policy enforces MFA fully. In every other
    /// case users with the same policies get the same analysis, so it is made once for all of them.
    /// </summary>
    private PrincipalEnforcement Analyze(AppliedPolicies policies, IamUserInfo user)
    {
        var applied = policies.Policies;
        var parsed = policies.Documents;
        var enforcements = parsed.Select(p => p.Enforcement!).ToList();
        var sameForEveryone = enforcements.Any(e => e.Level == MfaEnforcementLevel.Full)
            || enforcements.All(e => e.MfaConditionedAllows.Count == 0);
        if (!sameForEveryone)
        {
            return EnforcementAnalyzer.AnalyzePrincipal(applied, Principal(user));
        }

        var key = string.Join("\n", applied.Select((p, i) =>
            $"{(int)p.Via}\t{p.GroupName}\t{p.Name}\t{p.PolicyArn}\t{parsed[i].Id}"));
        if (!_shared.TryGetValue(key, out var analysis))
        {
            analysis = EnforcementAnalyzer.AnalyzePrincipal(applied, Principal(user));
            _shared[key] = analysis;
        }

        return analysis;
    }

    private bool HasTag(IamUserInfo user, string key) => user.Tags.Any(tag =>
        string.Equals(tag.Key, key, StringComparison.OrdinalIgnoreCase)
        && string.Equals(tag.Value, MfaAuditOptions.ExemptionTagValue, StringComparison.Ordinal));

    private string Reason(
        MfaState status, UserFacts facts, PrincipalEnforcement analysis, bool hasFindings)
    {
        var full = analysis.EnforcedBy.Where(s => s.Level == MfaEnforcementLevel.Full).ToList();
        var partial = analysis.EnforcedBy.Where(s => s.Level != MfaEnforcementLevel.Full).ToList();
        var enforcers = string.Join(", ", full.Select(s => s.ToString()));
        var devices = facts.Devices.Count == 1 ? "an MFA device" : $"{facts.Devices.Count} MFA devices";
        var notEnforced = partial.Count > 0
            ? $"no policy enforces MFA fully ({string.Join(", ", partial)} only denies console sessions without it)"
            : full.Count == 0 ? "no policy enforces MFA" : "the policies that enforce MFA exempt this user by tag";
        var more = hasFindings ? " See Findings." : string.Empty;
        return status switch
        {
            MfaState.Exempt => $"Carries the exemption tag {_exemptionTagKey}={MfaAuditOptions.ExemptionTagValue}, "
                + "which takes precedence over every other status.",
            MfaState.NoMfa =>
                $"Can sign in to the console with a password, has no MFA device, and {notEnforced}.{more}",
            MfaState.PendingEnrollment => $"MFA is enforced by {enforcers}, but there is no MFA device yet: the user "
                + "can sign in and can only enroll one.",
            MfaState.MfaNotEnforced => $"Has {devices}, but {notEnforced}, so access keys and sessions without MFA "
                + $"still work.{more}",
            MfaState.Enforced => $"Has {devices}, and MFA is enforced by {enforcers}.",
            _ => $"Has no console password and no MFA device: works with access keys only "
                + $"({facts.ActiveAccessKeys} active).",
        };
    }

    /// <summary>The user for policy variables, from the ARN; the analyzer's stand-in when the ARN is unusual.</summary>
    private static ProbePrincipal? Principal(IamUserInfo user)
    {
        try
        {
            return ProbePrincipal.FromUser(user);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
