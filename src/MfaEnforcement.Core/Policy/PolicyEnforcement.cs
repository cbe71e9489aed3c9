using System;
using System.Collections.Generic;

namespace MfaEnforcement.Core.Policy;

/// <summary>How completely a policy enforces MFA.</summary>
public enum MfaEnforcementLevel
{
    /// <summary>It does not deny anything for lack of MFA.</summary>
    None,

    /// <summary>
    /// It denies under plain <c>Bool aws:MultiFactorAuthPresent false</c>: console sessions without MFA are denied,
    /// but calls signed with long-term access keys carry no such key and get through.
    /// </summary>
    ConsoleOnly,

    /// <summary>It denies everything but enrollment whenever MFA is absent, access keys included.</summary>
    Full,
}

/// <summary>What one policy document does about MFA, as <see cref="EnforcementAnalyzer.Analyze"/> reads it.</summary>
public sealed class PolicyEnforcement
{
    internal PolicyEnforcement(MfaEnforcementLevel level, StatementReference? enforcingStatement,
        TimeSpan? maxSessionAge, string? exemptionTag, IReadOnlyList<string> allowedWithoutMfa,
        IReadOnlyList<StatementReference> mfaConditionedAllows, IReadOnlyList<string> findings)
    {
        Level = level;
        EnforcingStatement = enforcingStatement;
        MaxSessionAge = maxSessionAge;
        ExemptionTag = exemptionTag;
        AllowedWithoutMfa = allowedWithoutMfa;
        MfaConditionedAllows = mfaConditionedAllows;
        Findings = findings;
    }

    /// <summary>How completely the document enforces MFA.</summary>
    public MfaEnforcementLevel Level { get; }

    /// <summary>Whether the document enforces MFA broadly, access keys included.</summary>
    public bool EnforcesMfa => Level == MfaEnforcementLevel.Full;

    /// <summary>The deny statement that enforces MFA, if any.</summary>
    public StatementReference? EnforcingStatement { get; }

    /// <summary>The maximum age of an MFA sign-in the document allows, if it sets one.</summary>
    public TimeSpan? MaxSessionAge { get; }

    /// <summary>The tag key that exempts a principal (tagged <c>true</c>) from the deny, if any.</summary>
    public string? ExemptionTag { get; }

    /// <summary>The actions the enforcing deny lets through without MFA (its NotAction list).</summary>
    public IReadOnlyList<string> AllowedWithoutMfa { get; }

    /// <summary>Allow statements that apply only with MFA.</summary>
    public IReadOnlyList<StatementReference> MfaConditionedAllows { get; }

    /// <summary>
    /// Whether the document relies on allows that require MFA rather than on a deny: it enforces nothing when
    /// another policy allows the same actions without MFA, since allows add up.
    /// </summary>
    public bool IsAllowConditionedOnMfa => MfaConditionedAllows.Count > 0 && Level != MfaEnforcementLevel.Full;

    /// <summary>What a reader should know, in plain sentences.</summary>
    public IReadOnlyList<string> Findings { get; }
}

/// <summary>Whether, and by which policies, MFA is enforced on one user.</summary>
public sealed class PrincipalEnforcement
{
    internal PrincipalEnforcement(MfaEnforcementLevel level, IReadOnlyList<EnforcementSource> enforcedBy,
        TimeSpan? maxSessionAge, string? exemptionTag, IReadOnlyList<string> allowedWithoutMfa,
        IReadOnlyList<string> findings)
    {
        Level = level;
        EnforcedBy = enforcedBy;
        MaxSessionAge = maxSessionAge;
        ExemptionTag = exemptionTag;
        AllowedWithoutMfa = allowedWithoutMfa;
        Findings = findings;
    }

    /// <summary>Whether some policy enforces MFA on the user broadly, access keys included.</summary>
    public bool IsEnforced => Level == MfaEnforcementLevel.Full;

    /// <summary>The strongest enforcement any of the user's policies gives.</summary>
    public MfaEnforcementLevel Level { get; }

    /// <summary>The policies that enforce MFA (fully or console-only), and how each reaches the user.</summary>
    public IReadOnlyList<EnforcementSource> EnforcedBy { get; }

    /// <summary>The shortest maximum MFA session age among the enforcing policies, if any sets one.</summary>
    public TimeSpan? MaxSessionAge { get; }

    /// <summary>The tag that exempts the user from every enforcing policy, if they all share one.</summary>
    public string? ExemptionTag { get; }

    /// <summary>The action patterns the enforcing policies deliberately let through without MFA.</summary>
    public IReadOnlyList<string> AllowedWithoutMfa { get; }

    /// <summary>What a reader should know, in plain sentences.</summary>
    public IReadOnlyList<string> Findings { get; }
}
