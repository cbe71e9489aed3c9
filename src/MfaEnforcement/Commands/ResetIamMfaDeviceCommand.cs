using System.Collections.Generic;
using System.Management.Automation;
using MfaEnforcement.Core.Devices;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Deactivates an IAM user's MFA devices and deletes the virtual ones: the lost phone.</para>
/// </summary>
[Cmdlet(VerbsCommon.Reset, "IamMfaDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(MfaStatus))]
public sealed class ResetIamMfaDeviceCommand : IamCmdletBase
{
    /// <summary>The user whose devices to reset.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string UserName { get; set; } = string.Empty;

    /// <summary>Only this device; all of the user's when not given.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? SerialNumber { get; set; }

    /// <summary>After the reset, emit the user's MFA status (<c>PendingEnrollment</c> under enforcement).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var problem = IamNames.CheckUserName(UserName);
        if (problem is not null)
        {
            WriteInvalid("InvalidUserName", problem, UserName);
            return;
        }

        problem = SerialNumber is null ? null : MfaSerialNumber.Check(SerialNumber);
        if (problem is not null)
        {
            WriteInvalid("InvalidSerialNumber", problem, SerialNumber);
            return;
        }

        var manager = new MfaDeviceManager(Client);
        try
        {
            WriteVerbose($"Calling ListMFADevices for '{UserName}'.");
            var devices = Await(ct => manager.ListDevicesAsync(UserName, ct));
            var reset = false;
            foreach (var device in Select(manager, devices))
            {
                reset |= Reset(manager, device);
            }

            if (PassThru && reset)
            {
                WriteMfaStatuses([UserName]);
            }
        }
        catch (MfaDeviceException e)
        {
            WriteError(new ErrorRecord(e, CommandId + e.Reason, ErrorCategory.InvalidArgument, SerialNumber));
        }
        catch (IamException e) when (!e.ConcernsEveryCall)
        {
            WriteIamError(e, UserName, $"User '{UserName}'");
        }
        catch (IamException e)
        {
            ThrowIamError(e, UserName);
        }
    }

    private IEnumerable<MfaDeviceInfo> Select(MfaDeviceManager manager, List<MfaDeviceInfo> devices)
    {
        if (SerialNumber is not null && devices.TrueForAll(d => d.SerialNumber != SerialNumber))
        {
            // A virtual device that no one holds, left from an enrollment never finished, is deleted on its own.
            WriteVerbose($"'{SerialNumber}' is not assigned to '{UserName}'; calling ListVirtualMFADevices to see " +
                "whether it is assigned to anyone.");
            if (Await(ct => manager.IsUnassignedVirtualAsync(SerialNumber, ct)))
            {
                if (ShouldProcess(SerialNumber, "Delete the unassigned virtual MFA device"))
                {
                    WriteVerbose($"Calling DeleteVirtualMFADevice for '{SerialNumber}'.");
                    Await(ct => manager.DeleteUnassignedAsync(SerialNumber, ct));
                }

                return [];
            }
        }

        var selected = MfaDeviceSelection.ForReset(UserName, devices, SerialNumber);
        if (selected.Count == 0)
        {
            WriteWarning($"The user '{UserName}' has no MFA device, so there is nothing to reset.");
        }

        return selected;
    }

    private bool Reset(MfaDeviceManager manager, MfaDeviceInfo device)
    {
        var isVirtual = MfaSerialNumber.IsVirtual(device.SerialNumber);
        var action = isVirtual
            ? $"Deactivate and delete the virtual MFA device of IAM user '{UserName}'"
            : $"Deactivate the MFA device of IAM user '{UserName}'";
        if (!ShouldProcess(device.SerialNumber, action))
        {
            return false;
        }

        try
        {
            WriteVerbose(isVirtual
                ? $"Calling DeactivateMFADevice and DeleteVirtualMFADevice for '{device.SerialNumber}'."
                : $"Calling DeactivateMFADevice for '{device.SerialNumber}' (a hardware device is only deactivated).");
            Await(ct => manager.ResetAsync(UserName, device.SerialNumber, ct));
            WriteVerbose($"Reset '{device.SerialNumber}'. '{UserName}' can enroll a new device at the next sign-in.");
            return true;
        }
        catch (IamException e) when (!e.ConcernsEveryCall)
        {
            WriteIamError(e, device.SerialNumber, $"MFA device '{device.SerialNumber}' of '{UserName}'");
            return false;
        }
    }
}
