using System.Management.Automation;
using MfaEnforcement.Core.Enforcement;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Removes MFA enforcement: detaches the enforcement policy, or removes users from the group
/// that has it.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "MfaEnforcement", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = PolicyNameSet)]
[OutputType("MfaEnforcement.MfaStatus")]
public sealed class RemoveMfaEnforcementCommand : EnforcementCmdletBase
{
    /// <inheritdoc />
    protected override EnforcementDirection Direction => EnforcementDirection.Remove;
}
