using System;

namespace MfaEnforcement.Core.Policy;

/// <summary>How a policy reaches a user.</summary>
public enum PolicyAttachment
{
    /// <summary>A managed policy attached to the user.</summary>
    Direct,

    /// <summary>An inline policy of the user.</summary>
    Inline,

    /// <summary>A managed or inline policy of a group the user is in.</summary>
    Group,
}

/// <summary>A policy that applies to a user, with its name or ARN and the way it reaches the user.</summary>
public sealed class AppliedPolicy : NamedPolicy
{
    /// <summary>
    /// Creates an applied policy; <paramref name="groupName"/> is required for <see cref="PolicyAttachment.Group"/>.
    /// </summary>
    public AppliedPolicy(string name, PolicyDocument document, PolicyAttachment via = PolicyAttachment.Direct,
        string? groupName = null, string? policyArn = null)
        : base(name, document)
    {
        if (via == PolicyAttachment.Group && string.IsNullOrEmpty(groupName))
        {
            throw new ArgumentException($"The policy {name} reaches the user through a group; name the group.",
                nameof(groupName));
        }

        Via = via;
        GroupName = via == PolicyAttachment.Group ? groupName : null;
        PolicyArn = policyArn;
    }

    /// <summary>The managed policy's ARN, if it is one.</summary>
    public string? PolicyArn { get; }

    /// <summary>How the policy reaches the user.</summary>
    public PolicyAttachment Via { get; }

    /// <summary>The group, when the policy reaches the user through one.</summary>
    public string? GroupName { get; }

    /// <summary>The name with how it applies, for example <c>MfaEnforcement (group Developers)</c>.</summary>
    public string Label => Via switch
    {
        PolicyAttachment.Group => $"{Name} (group {GroupName})",
        PolicyAttachment.Inline => $"{Name} (inline)",
        _ => Name,
    };
}

/// <summary>A policy that enforces MFA on a user, and how it reaches the user.</summary>
public sealed class EnforcementSource
{
    /// <summary>Creates an entry.</summary>
    public EnforcementSource(string policyName, string? policyArn, PolicyAttachment via, string? groupName,
        MfaEnforcementLevel level)
    {
        PolicyName = policyName ?? throw new ArgumentNullException(nameof(policyName));
        PolicyArn = policyArn;
        Via = via;
        GroupName = groupName;
        Level = level;
    }

    /// <summary>The policy's name.</summary>
    public string PolicyName { get; }

    /// <summary>The managed policy's ARN, if known.</summary>
    public string? PolicyArn { get; }

    /// <summary>Directly, inline, or through a group.</summary>
    public PolicyAttachment Via { get; }

    /// <summary>The group's name for <see cref="PolicyAttachment.Group"/>.</summary>
    public string? GroupName { get; }

    /// <summary>How completely this policy enforces MFA.</summary>
    public MfaEnforcementLevel Level { get; }

    /// <summary>For example <c>MfaEnforcement (direct)</c> or <c>MfaEnforcement (group Developers)</c>.</summary>
    public override string ToString() => Via switch
    {
        PolicyAttachment.Group => $"{PolicyName} (group {GroupName})",
        PolicyAttachment.Inline => $"{PolicyName} (inline)",
        _ => $"{PolicyName} (direct)",
    };
}
