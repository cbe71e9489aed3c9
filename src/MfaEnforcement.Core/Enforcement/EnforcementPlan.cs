using System;
using System.Collections.Generic;
using System.Linq;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>
/// What an invocation would change, decided from reads only: the writes in order, the targets already as asked,
/// the targets that failed, the warnings, and whether the caller would lock themselves out.
/// </summary>
public sealed class EnforcementPlan
{
    internal EnforcementPlan(
        CallerIdentity caller,
        string policyArn,
        bool policyExists,
        IReadOnlyList<EnforcementStep> steps,
        IReadOnlyList<string> unchanged,
        IReadOnlyList<EnforcementFailure> failures,
        IReadOnlyList<string> warnings,
        string? lockout,
        IReadOnlyList<string>? coveredUsers = null)
    {
        Caller = caller;
        PolicyArn = policyArn;
        PolicyExists = policyExists;
        Steps = steps;
        Unchanged = unchanged;
        Failures = failures;
        Warnings = warnings;
        Lockout = lockout;
        CoveredUsers = coveredUsers ?? Array.Empty<string>();
    }

    /// <summary>Who signs the calls (STS GetCallerIdentity).</summary>
    public CallerIdentity Caller { get; }

    /// <summary>The enforcement policy's ARN; predicted when the policy is still to be created.</summary>
    public string PolicyArn { get; }

    /// <summary>False when a CreatePolicy step is planned, or when there is nothing to remove.</summary>
    public bool PolicyExists { get; }

    /// <summary>The writes: prerequisites first, then one or none per target.</summary>
    public IReadOnlyList<EnforcementStep> Steps { get; }

    /// <summary>The prerequisite steps.</summary>
    public IEnumerable<EnforcementStep> Prerequisites => Steps.Where(s => s.IsPrerequisite);

    /// <summary>A sentence for each target that needs no write, for -Verbose.</summary>
    public IReadOnlyList<string> Unchanged { get; }

    /// <summary>Targets that could not be read: not found, access denied, ...</summary>
    public IReadOnlyList<EnforcementFailure> Failures { get; }

    /// <summary>Warnings to show before anything is written.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// When set, the change would deny the caller everything but MFA enrollment: the reason and the way out. Only
    /// -Force goes on.
    /// </summary>
    public string? Lockout { get; }

    /// <summary>
    /// The users the targets are or contain (a group's members), found or not changed, exempt ones included, for
    /// <c>-PassThru</c>.
    /// </summary>
    public IReadOnlyList<string> CoveredUsers { get; }
}
