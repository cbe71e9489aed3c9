using System;
using System.Management.Automation;
using MfaEnforcement.Core.Enforcement;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Enforces MFA for IAM users by attaching the enforcement policy to them or their groups.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "MfaEnforcement", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = PolicyNameSet)]
[OutputType("MfaEnforcement.MfaStatus")]
public sealed class SetMfaEnforcementCommand : EnforcementCmdletBase
{
    /// <summary>Apply even when the caller, without an MFA device, would be among the users it denies.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override EnforcementDirection Direction => EnforcementDirection.Apply;

    /// <inheritdoc />
    protected override void OnLockout(EnforcementPlan plan, string lockout)
    {
        if (Force)
        {
            WriteWarning(lockout);
            return;
        }

        ThrowTerminatingError(new ErrorRecord(
            new InvalidOperationException(lockout),
            CommandId + "CallerWouldBeLockedOut",
            ErrorCategory.SecurityError,
            plan.Caller.Arn));
    }
}
