using System;
using System.Collections.Generic;
using System.Linq;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement;

/// <summary>
/// A customer-managed MFA enforcement policy, as <c>New-MfaEnforcementPolicy</c> publishes it and
/// <c>Get-MfaEnforcementPolicy</c> finds it. Its <c>Arn</c> and <c>PolicyArn</c> bind to the other commands.
/// </summary>
public sealed class MfaEnforcementPolicy
{
    /// <summary>The policy as <c>New-MfaEnforcementPolicy</c> left it.</summary>
    public MfaEnforcementPolicy(PolicyPublishResult result)
        : this((result ?? throw new ArgumentNullException(nameof(result))).Policy, result.Document,
            EnforcementAnalyzer.Analyze(result.Document, result.Policy.PolicyName), null)
    {
        Change = result.Status.ToString();
    }

    /// <summary>A policy <c>Get-MfaEnforcementPolicy</c> found.</summary>
    public MfaEnforcementPolicy(FoundEnforcementPolicy found)
        : this((found ?? throw new ArgumentNullException(nameof(found))).Policy, found.Document, found.Analysis,
            found.AttachedTo)
    {
    }

    private MfaEnforcementPolicy(ManagedPolicyInfo policy, PolicyDocument document, PolicyEnforcement analysis,
        IReadOnlyList<PolicyEntity>? attachedTo)
    {
        PolicyName = policy.PolicyName;
        Arn = policy.Arn;
        Path = policy.Path;
        Description = policy.Description;
        DefaultVersionId = policy.DefaultVersionId;
        AttachmentCount = policy.AttachmentCount;
        UpdateDate = policy.UpdateDate;
        Document = document.ToJson();
        Level = analysis.Level.ToString();
        MaxSessionAge = analysis.MaxSessionAge;
        ExemptionTag = analysis.ExemptionTag;
        Findings = analysis.Findings;
        AttachedUsers = Names(attachedTo, PolicyEntityKind.User);
        AttachedGroups = Names(attachedTo, PolicyEntityKind.Group);
        AttachedRoles = Names(attachedTo, PolicyEntityKind.Role);
    }

    /// <summary>The policy's name.</summary>
    public string PolicyName { get; }

    /// <summary>The policy's ARN.</summary>
    public string Arn { get; }

    /// <summary>The policy's ARN, under the name the attaching commands take it by.</summary>
    public string PolicyArn => Arn;

    /// <summary>The policy's path.</summary>
    public string Path { get; }

    /// <summary>The policy's description, if it has one.</summary>
    public string? Description { get; }

    /// <summary>The default version, such as <c>v3</c>.</summary>
    public string DefaultVersionId { get; }

    /// <summary>How many users, groups and roles it is attached to.</summary>
    public int AttachmentCount { get; }

    /// <summary>When the policy last changed (UTC).</summary>
    public DateTime UpdateDate { get; }

    /// <summary>The default version's document, as indented JSON.</summary>
    public string Document { get; }

    /// <summary><c>Full</c>, or <c>ConsoleOnly</c> when access keys get through (plain <c>Bool</c>).</summary>
    public string Level { get; }

    /// <summary>The maximum age of an MFA sign-in the policy allows, if it sets one.</summary>
    public TimeSpan? MaxSessionAge { get; }

    /// <summary>The tag key whose value <c>true</c> exempts a principal, if any.</summary>
    public string? ExemptionTag { get; }

    /// <summary>What the analysis noticed, in plain sentences.</summary>
    public IReadOnlyList<string> Findings { get; }

    /// <summary>The users the policy is attached to (<c>Get-MfaEnforcementPolicy</c> only).</summary>
    public IReadOnlyList<string> AttachedUsers { get; }

    /// <summary>The groups the policy is attached to (<c>Get-MfaEnforcementPolicy</c> only).</summary>
    public IReadOnlyList<string> AttachedGroups { get; }

    /// <summary>The roles the policy is attached to (<c>Get-MfaEnforcementPolicy</c> only).</summary>
    public IReadOnlyList<string> AttachedRoles { get; }

    /// <summary>What <c>New-MfaEnforcementPolicy</c> did: Created, Updated or Unchanged; null when found.</summary>
    public string? Change { get; }

    /// <inheritdoc/>
    public override string ToString() => Arn;

    private static string[] Names(IReadOnlyList<PolicyEntity>? entities, PolicyEntityKind kind) =>
        (entities ?? Array.Empty<PolicyEntity>()).Where(e => e.Kind == kind).Select(e => e.Name).ToArray();
}
