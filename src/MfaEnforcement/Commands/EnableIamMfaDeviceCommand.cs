using System;
using System.Management.Automation;
using MfaEnforcement.Core.Devices;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Enables an MFA device for an IAM user with two consecutive codes.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "IamMfaDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MfaStatus))]
public sealed class EnableIamMfaDeviceCommand : IamCmdletBase
{
    /// <summary>The user the device is assigned to.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string UserName { get; set; } = string.Empty;

    /// <summary>The device's serial number: a virtual device's ARN or a hardware token's serial.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string SerialNumber { get; set; } = string.Empty;

    /// <summary>A code the device shows.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [AllowEmptyString]
    public string AuthenticationCode1 { get; set; } = string.Empty;

    /// <summary>The code the device shows next.</summary>
    [Parameter(Mandatory = true, Position = 3)]
    [AllowEmptyString]
    public string AuthenticationCode2 { get; set; } = string.Empty;

    /// <summary>After enabling, emit the user's MFA status, which now shows the device.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var problem = MfaCodes.Check(AuthenticationCode1, nameof(AuthenticationCode1)) ??
            MfaCodes.Check(AuthenticationCode2, nameof(AuthenticationCode2));
        if (problem is not null)
        {
            ThrowInvalid("InvalidCodeFormat", problem, null);
        }

        if (string.Equals(AuthenticationCode1, AuthenticationCode2, StringComparison.Ordinal))
        {
            ThrowInvalid("SameAuthenticationCodes",
                "The two codes are the same, but IAM needs two consecutive codes: enter the code the app shows, " +
                "wait until it changes (up to 30 seconds), then enter the new one as -AuthenticationCode2.", null);
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var problem = IamNames.CheckUserName(UserName);
        if (problem is not null)
        {
            WriteInvalid("InvalidUserName", problem, UserName);
            return;
        }

        problem = MfaSerialNumber.Check(SerialNumber);
        if (problem is not null)
        {
            WriteInvalid("InvalidSerialNumber", problem, SerialNumber);
            return;
        }

        if (!ShouldProcess($"IAM user '{UserName}'", $"Enable the MFA device '{SerialNumber}'"))
        {
            return;
        }

        try
        {
            WriteVerbose($"Calling EnableMFADevice for '{UserName}' and '{SerialNumber}'.");
            Await(ct => Client.EnableMfaDeviceAsync(
                UserName, SerialNumber, AuthenticationCode1, AuthenticationCode2, ct));
            WriteVerbose($"Enabled '{SerialNumber}' for '{UserName}'. The user signs in with it from now on.");
        }
        catch (IamException e) when (!e.ConcernsEveryCall)
        {
            WriteError(Explain(e));
            return;
        }
        catch (IamException e)
        {
            ThrowIamError(e, UserName);
        }

        if (PassThru)
        {
            WriteMfaStatuses([UserName]);
        }
    }

    private ErrorRecord Explain(IamException e)
    {
        var record = ErrorRecords.FromIam(e, CommandId, SerialNumber, $"MFA device '{SerialNumber}' of '{UserName}'");
        if (e.ErrorCode != "InvalidAuthenticationCode")
        {
            return record;
        }

        const string Advice = "IAM needs two consecutive codes: enter the code the app shows now as " +
            "-AuthenticationCode1, wait until the app shows the next one (up to 30 seconds) and enter that as " +
            "-AuthenticationCode2. Codes go by quickly, so run the command right after the second one appears; if " +
            "it still fails, check that the phone sets its clock automatically.";
        record.ErrorDetails = new ErrorDetails(
            $"IAM refused the codes for the MFA device '{SerialNumber}' of '{UserName}'. {Advice}")
        {
            RecommendedAction = Advice,
        };
        return record;
    }
}
