using System;
using System.Management.Automation;
using MfaEnforcement.Core.Devices;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Sessions;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Gets MFA session credentials (STS GetSessionToken) so that scripts and the AWS CLI keep
/// working once MFA is enforced.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "MfaSession", DefaultParameterSetName = ObjectSet, SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Low)]
[OutputType("MfaEnforcement.MfaSession")]
public sealed class NewMfaSessionCommand : IamCmdletBase
{
    /// <summary>The shortest session STS issues, in seconds.</summary>
    public const int MinDurationSeconds = 900;

    /// <summary>The longest session STS issues to an IAM user, in seconds.</summary>
    public const int MaxDurationSeconds = 129600;

    private const string ObjectSet = "Object";
    private const string ProfileSet = "Profile";
    private const string EnvironmentSet = "Environment";

    /// <summary>The six-digit code the MFA device shows; not needed while a remembered session is reused.</summary>
    [Parameter(Position = 0)]
    [AllowEmptyString]
    public string? TokenCode { get; set; }

    /// <summary>The MFA device; the caller's only device when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SerialNumber { get; set; }

    /// <summary>How long the session lasts, 900 to 129,600 seconds.</summary>
    [Parameter]
    public int DurationSeconds { get; set; } = 43200;

    /// <summary>Saves the session under this profile of the shared credentials file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ProfileSet)]
    [ValidateNotNullOrEmpty]
    public string? SaveAsProfile { get; set; }

    /// <summary>Sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN for this process.</summary>
    [Parameter(Mandatory = true, ParameterSetName = EnvironmentSet)]
    public SwitchParameter SetEnvironment { get; set; }

    /// <summary>Also emits the session object when it is saved or set.</summary>
    [Parameter(ParameterSetName = ProfileSet)]
    [Parameter(ParameterSetName = EnvironmentSet)]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Asks for a new session even while a remembered one is valid.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var problem = TokenCode is null ? null : MfaCodes.Check(TokenCode, nameof(TokenCode));
        if (problem is not null)
        {
            ThrowInvalid("InvalidCodeFormat", problem, null);
        }

        if (DurationSeconds is < MinDurationSeconds or > MaxDurationSeconds)
        {
            ThrowInvalid("InvalidDurationSeconds",
                $"-DurationSeconds is {DurationSeconds}, but STS issues sessions of {MinDurationSeconds} to " +
                $"{MaxDurationSeconds} seconds (15 minutes to 36 hours). Give a value in that range, or leave it " +
                "out for 43,200 seconds (12 hours).", DurationSeconds);
        }

        problem = SerialNumber is null ? null : MfaSerialNumber.Check(SerialNumber);
        if (problem is not null)
        {
            ThrowInvalid("InvalidSerialNumber", problem, SerialNumber);
        }

        problem = SaveAsProfile is null ? null : CredentialsFileText.CheckProfileName(SaveAsProfile);
        if (problem is not null)
        {
            ThrowInvalid("InvalidProfileName", problem, SaveAsProfile);
        }

        if (SaveAsProfile is not null && string.Equals(SaveAsProfile, ProfileName, StringComparison.Ordinal))
        {
            ThrowInvalid("SameProfile",
                $"-SaveAsProfile '{SaveAsProfile}' is also the source profile: saving the session there would " +
                "replace the long-term key that asks for the next session. Save it under another name, such as " +
                $"'{SaveAsProfile}-mfa'.", SaveAsProfile);
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var credentialsFile = SharedCredentialsFile.Default();
        ISessionStore store = SaveAsProfile is null
            ? SessionCacheFile.Beside(credentialsFile)
            : new ProfileSessionStore(credentialsFile, SaveAsProfile);
        var source = SessionSource.Describe(ProfileName, Credential?.UserName);
        try
        {
            var remembered = store.Find(source, SerialNumber);
            var decision = SessionReuse.Decide(remembered, source, SerialNumber, DateTime.UtcNow, Force);
            WriteVerbose($"Looked in {store.Description}: {decision.Reason}.");
            var session = decision.Reuse ? remembered! : NewSession(store, source);
            if (session is not null)
            {
                Deliver(session, decision.Reuse);
            }
        }
        catch (MfaDeviceException e)
        {
            var category =
                e.Reason is MfaDeviceException.SerialNumberNotOwned or MfaDeviceException.AmbiguousSerialNumber
                ? ErrorCategory.InvalidArgument
                : ErrorCategory.ObjectNotFound;
            ThrowTerminatingError(new ErrorRecord(e, CommandId + e.Reason, category, SerialNumber));
        }
        catch (MfaSessionException e)
        {
            var category = e.Reason == MfaSessionException.ProfileHoldsLongTermKey
                ? ErrorCategory.ResourceExists
                : ErrorCategory.WriteError;
            ThrowTerminatingError(new ErrorRecord(e, CommandId + e.Reason, category, store.Description));
        }
        catch (IamException e)
        {
            ThrowTerminatingError(Explain(e));
        }
    }

    private StoredSession? NewSession(ISessionStore store, string source)
    {
        store.CheckCanSave();
        var serialNumber = FindSerialNumber();
        if (string.IsNullOrEmpty(TokenCode))
        {
            ThrowInvalid("TokenCodeRequired",
                $"No MFA session to reuse, so a new one needs a code: pass -TokenCode with the {MfaCodes.Length} " +
                $"digits that the MFA device '{serialNumber}' shows now.", serialNumber);
        }

        var target = SaveAsProfile is not null
            ? $"profile '{SaveAsProfile}' of '{SharedCredentialsFile.Default().Path}'"
            : SetEnvironment ? "the environment of this PowerShell process" : "the session cache";
        if (ParameterSetName != ObjectSet &&
            !ShouldProcess(target, $"Save an MFA session for '{serialNumber}', valid {DurationSeconds} seconds"))
        {
            return null;
        }

        WriteVerbose($"Calling STS GetSessionToken with the code of '{serialNumber}' for {DurationSeconds} seconds.");
        var credentials = Await(ct => Client.GetSessionTokenAsync(DurationSeconds, serialNumber, TokenCode, ct));
        var session = new StoredSession(source, serialNumber, credentials);
        store.Save(session, DateTime.UtcNow);
        WriteVerbose($"Remembered the session {credentials.AccessKeyId} in {store.Description}, valid until " +
            $"{credentials.Expiration:u}.");
        return session;
    }

    private string FindSerialNumber()
    {
        WriteVerbose("Calling STS GetCallerIdentity and ListMFADevices to find the caller's MFA devices.");
        var caller = Await(ct => Client.GetCallerIdentityAsync(ct)).Arn;
        try
        {
            var devices = Await(ct => new MfaDeviceManager(Client).ListDevicesAsync(null, ct));
            return MfaDeviceSelection.ForSession(caller, devices, SerialNumber);
        }
        catch (IamException e) when (e.ErrorCode is "AccessDenied" && SerialNumber is not null)
        {
            WriteVerbose($"The caller may not list its MFA devices ({e.Message}); STS checks '{SerialNumber}' itself.");
            return SerialNumber;
        }
    }

    private void Deliver(StoredSession session, bool reused)
    {
        if (SaveAsProfile is not null)
        {
            var file = SharedCredentialsFile.Default();
            if (reused)
            {
                WriteVerbose($"The profile '{SaveAsProfile}' of '{file.Path}' already holds this session.");
            }

            WriteVerbose($"Use it with -ProfileName {SaveAsProfile}, --profile {SaveAsProfile} or " +
                $"AWS_PROFILE={SaveAsProfile} until {session.Expiration:u}.");
        }
        else if (SetEnvironment)
        {
            SessionEnvironment.Apply(session.Credentials);
            WriteVerbose($"Set {string.Join(", ", SessionEnvironment.VariableNames)} for this process, valid until " +
                $"{session.Expiration:u}.");
        }

        if (ParameterSetName == ObjectSet || PassThru)
        {
            WriteObject(new MfaSession(session, reused, SaveAsProfile));
        }
    }

    private ErrorRecord Explain(IamException e)
    {
        var record = ErrorRecords.FromIam(e, CommandId, SerialNumber, null);
        if (e.Operation == "GetSessionToken" && e.ErrorCode == "AccessDenied" &&
            e.Message.IndexOf("MultiFactorAuthentication", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            const string Advice = "Enter the code the MFA app shows now: each code is valid for about 30 seconds and " +
                "only once, and it must come from the device -SerialNumber names. If codes keep failing, check that " +
                "the phone sets its clock automatically.";
            return new ErrorRecord(e, CommandId + "TokenCodeRejected", ErrorCategory.AuthenticationError, null)
            {
                ErrorDetails = new ErrorDetails($"STS refused the MFA code: {e.Message} {Advice}")
                {
                    RecommendedAction = Advice,
                },
            };
        }

        if (e.Operation == "GetSessionToken" && e.ErrorCode == "AccessDenied" &&
            e.Message.IndexOf("session credentials", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            const string Advice = "The credentials that asked are themselves a session (an earlier MFA session, an " +
                "assumed role or SSO), and STS only gives MFA sessions to an IAM user's long-term access key. Name " +
                "the profile that holds that key with -ProfileName, or pass it with -Credential.";
            return new ErrorRecord(e, CommandId + "SourceIsSession", ErrorCategory.AuthenticationError, null)
            {
                ErrorDetails = new ErrorDetails($"{e.Message}. {Advice}") { RecommendedAction = Advice },
            };
        }

        return record;
    }
}
