using System;
using System.Collections.Generic;
using MfaEnforcement.Core.Audit;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>Whether enforcement is applied (<c>Set-MfaEnforcement</c>) or taken away (<c>Remove-</c>).</summary>
public enum EnforcementDirection
{
    /// <summary>Attach the policy, or add users to the group that has it.</summary>
    Apply,

    /// <summary>Detach the policy, or remove users from the group that has it.</summary>
    Remove,
}

/// <summary>What one invocation of <c>Set-MfaEnforcement</c> or <c>Remove-MfaEnforcement</c> asks for.</summary>
public sealed class EnforcementRequest
{
    /// <summary>The name of the policy <c>New-MfaEnforcementPolicy</c> creates by default.</summary>
    public const string DefaultPolicyName = "MfaEnforcement";

    /// <summary>The largest number of IAM calls in flight at once.</summary>
    public const int DefaultConcurrency = 8;

    /// <summary>Apply or remove.</summary>
    public EnforcementDirection Direction { get; set; }

    /// <summary>The users and groups, without duplicates, in the order given.</summary>
    public IReadOnlyList<EnforcementTarget> Targets { get; set; } = Array.Empty<EnforcementTarget>();

    /// <summary>The policy by ARN; when null, <see cref="PolicyName"/> is looked up.</summary>
    public string? PolicyArn { get; set; }

    /// <summary>The policy by name; created with default options when it is the default name and missing.</summary>
    public string PolicyName { get; set; } = DefaultPolicyName;

    /// <summary>When set, users join (or leave) this group instead of having the policy attached.</summary>
    public string? ViaGroup { get; set; }

    /// <summary>
    /// Reads the access key id that signs the calls, when known: <c>AKIA</c> is a long-term key, which MFA
    /// enforcement denies once it applies to its user. Called only after the caller's identity was read, so the
    /// credentials are known to work.
    /// </summary>
    public Func<string?>? CallerAccessKeyId { get; set; }

    /// <summary>The tag key whose value <c>true</c> exempts a user from direct enforcement.</summary>
    public string ExemptionTagKey { get; set; } = MfaAuditOptions.DefaultExemptionTagKey;

    /// <summary>The largest number of IAM calls in flight at once.</summary>
    public int Concurrency { get; set; } = DefaultConcurrency;
}
