using System.IO;
using System.Management.Automation;
using MfaEnforcement.Core.Devices;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Creates a virtual MFA device for an IAM user and hands over its QR code.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "IamVirtualMfaDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("MfaEnforcement.VirtualMfaDevice")]
public sealed class NewIamVirtualMfaDeviceCommand : IamCmdletBase
{
    /// <summary>The user the device is for.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string UserName { get; set; } = string.Empty;

    /// <summary>The device's name; the user's name when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DeviceName { get; set; }

    /// <summary>A file to write IAM's QR code PNG to, readable by the owner only.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? QRCodePath { get; set; }

    /// <summary>Draws the QR code in the terminal.</summary>
    [Parameter]
    public SwitchParameter ShowQRCode { get; set; }

    /// <summary>Overwrites an existing file at <see cref="QRCodePath"/>.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var deviceName = DeviceName ?? UserName;
        var problem = IamNames.CheckUserName(UserName) ?? MfaSerialNumber.CheckDeviceName(deviceName);
        if (problem is not null)
        {
            WriteInvalid(IamNames.CheckUserName(UserName) is null ? "InvalidDeviceName" : "InvalidUserName", problem,
                UserName);
            return;
        }

        string? qrCodePath = null;
        if (QRCodePath is not null && !TryResolveQrCodePath(out qrCodePath))
        {
            return;
        }

        try
        {
            WriteVerbose($"Calling GetUser for '{UserName}' to check that the user exists.");
            var user = Await(ct => Client.GetUserAsync(UserName, ct));
            if (!ShouldProcess($"IAM user '{user.UserName}'", $"Create the virtual MFA device '{deviceName}'"))
            {
                return;
            }

            WriteVerbose($"Calling CreateVirtualMFADevice for '{deviceName}'.");
            var enrollment = Await(ct => new MfaDeviceManager(Client).CreateVirtualAsync(user, deviceName, ct));
            WriteVerbose($"Created '{enrollment.Device.SerialNumber}'. It is not enabled yet: scan it, then run " +
                "Enable-IamMfaDevice with two consecutive codes.");
            if (qrCodePath is not null)
            {
                SaveQrCode(enrollment, qrCodePath);
            }

            if (ShowQRCode)
            {
                // The information stream with the PSHOST tag, as host output goes: shown, redirectable, and in a
                // transcript only because the user asked for it.
                WriteInformation(new HostInformationMessage { Message = enrollment.RenderQrCode() }, ["PSHOST"]);
            }

            WriteObject(enrollment.Device);
        }
        catch (IamException e) when (!e.ConcernsEveryCall)
        {
            var record = ErrorRecords.FromIam(e, CommandId, UserName, $"User '{UserName}'");
            if (e.ErrorCode == "EntityAlreadyExists")
            {
                var advice = $"Choose another -DeviceName, or, if '{deviceName}' is left over from an enrollment " +
                    $"that was never finished, remove it with Reset-IamMfaDevice -UserName {UserName} " +
                    "-SerialNumber <its ARN>.";
                record.ErrorDetails = new ErrorDetails($"{record.ErrorDetails.Message} {advice}")
                {
                    RecommendedAction = advice,
                };
            }

            WriteError(record);
        }
        catch (IamException e)
        {
            ThrowIamError(e, UserName);
        }
    }

    private bool TryResolveQrCodePath(out string? path)
    {
        path = GetUnresolvedProviderPathFromPSPath(QRCodePath);
        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            WriteInvalid("QRCodeFolderNotFound",
                $"The folder of '{path}' does not exist: create it, or give -QRCodePath a file in an existing folder.",
                QRCodePath);
            return false;
        }

        if (File.Exists(path) && !Force)
        {
            WriteInvalid("QRCodePathExists",
                $"The file '{path}' exists already. Give another -QRCodePath, or add -Force to replace it.",
                QRCodePath);
            return false;
        }

        return true;
    }

    private void SaveQrCode(VirtualMfaEnrollment enrollment, string path)
    {
        try
        {
            enrollment.SaveQrCode(path, Force);
            WriteVerbose($"Wrote the QR code to '{path}', readable by its owner only. Delete it once it is scanned.");
        }
        catch (IOException e)
        {
            // The device exists by now, so the object is still written after this error.
            var message = $"The device '{enrollment.Device.SerialNumber}' was created, but its QR code could not " +
                $"be written to '{path}': {e.Message} Scan it with -ShowQRCode, or remove the device with " +
                $"Reset-IamMfaDevice and run this command again.";
            WriteError(new ErrorRecord(e, CommandId + "QRCodeNotWritten", ErrorCategory.WriteError, path)
            {
                ErrorDetails = new ErrorDetails(message),
            });
        }
    }
}
