namespace MfaEnforcement.Core.Enforcement;

/// <summary>The one IAM write an <see cref="EnforcementStep"/> makes.</summary>
public enum EnforcementStepKind
{
    /// <summary>CreatePolicy, with the default options of <c>New-MfaEnforcementPolicy</c>.</summary>
    CreatePolicy,

    /// <summary>CreateGroup for <c>-ViaGroup</c>.</summary>
    CreateGroup,

    /// <summary>AttachUserPolicy.</summary>
    AttachUserPolicy,

    /// <summary>AttachGroupPolicy.</summary>
    AttachGroupPolicy,

    /// <summary>AddUserToGroup.</summary>
    AddUserToGroup,

    /// <summary>DetachUserPolicy.</summary>
    DetachUserPolicy,

    /// <summary>DetachGroupPolicy.</summary>
    DetachGroupPolicy,

    /// <summary>RemoveUserFromGroup.</summary>
    RemoveUserFromGroup,
}

/// <summary>
/// One mutating IAM call of a plan, with the words <c>ShouldProcess</c> shows for it. Prerequisites (the policy
/// and the <c>-ViaGroup</c> group) run first and one at a time; the other steps concern one target each.
/// </summary>
public sealed class EnforcementStep
{
    internal EnforcementStep(
        EnforcementStepKind kind, EnforcementTarget? target, string policyArn, string? groupName = null)
    {
        Kind = kind;
        Target = target;
        PolicyArn = policyArn;
        GroupName = groupName;
    }

    /// <summary>The IAM call.</summary>
    public EnforcementStepKind Kind { get; }

    /// <summary>The user or group the call changes; null for CreatePolicy.</summary>
    public EnforcementTarget? Target { get; }

    /// <summary>The enforcement policy's ARN (predicted, until a CreatePolicy step has run).</summary>
    public string PolicyArn { get; }

    /// <summary>The group users are added to or removed from.</summary>
    public string? GroupName { get; }

    /// <summary>True for the steps every other step depends on.</summary>
    public bool IsPrerequisite => Kind is EnforcementStepKind.CreatePolicy or EnforcementStepKind.CreateGroup ||
        (Kind == EnforcementStepKind.AttachGroupPolicy && GroupName is not null);

    /// <summary>What is changed, for <c>ShouldProcess</c>: "user 'alice'", "group 'Developers'", ...</summary>
    public string TargetText => Target?.ToString() ?? $"policy '{PolicyArn}'";

    /// <summary>The change, for <c>ShouldProcess</c> and -Verbose.</summary>
    public string ActionText => Kind switch
    {
        EnforcementStepKind.CreatePolicy =>
            "Create the MFA enforcement policy with the default options of New-MfaEnforcementPolicy",
        EnforcementStepKind.CreateGroup => "Create the group for MFA enforcement",
        EnforcementStepKind.AttachUserPolicy or EnforcementStepKind.AttachGroupPolicy =>
            $"Attach the MFA enforcement policy '{PolicyArn}'",
        EnforcementStepKind.AddUserToGroup =>
            $"Add to group '{GroupName}', which has the MFA enforcement policy '{PolicyArn}' attached",
        EnforcementStepKind.DetachUserPolicy or EnforcementStepKind.DetachGroupPolicy =>
            $"Detach the MFA enforcement policy '{PolicyArn}'",
        _ => $"Remove from group '{GroupName}', which has the MFA enforcement policy '{PolicyArn}' attached",
    };

    /// <inheritdoc />
    public override string ToString() => $"{ActionText}: {TargetText}";
}
