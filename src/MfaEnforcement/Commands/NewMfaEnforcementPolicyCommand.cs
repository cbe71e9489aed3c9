using System;
using System.Globalization;
using System.Management.Automation;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Commands;

/// <summary>
/// <para type="synopsis">Builds the MFA enforcement policy and creates or updates it as a customer-managed
/// policy.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "MfaEnforcementPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("MfaEnforcement.MfaEnforcementPolicy", "System.String")]
public sealed class NewMfaEnforcementPolicyCommand : IamCmdletBase
{
    // Core logs from its own threads; the messages are written on the pipeline thread once each call returns.

    /// <summary>The policy's name.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string PolicyName { get; set; } = "MfaEnforcement";

    /// <summary>The policy's path for a new policy, such as <c>/security/</c>.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The description of a new policy.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Description { get; set; }

    /// <summary>The longest an MFA sign-in counts: a TimeSpan, or whole seconds.</summary>
    [Parameter]
    [SecondsToTimeSpan]
    public TimeSpan? MaxSessionAge { get; set; }

    /// <summary>Allow a password change without MFA, for users who must set a password at first sign-in.</summary>
    [Parameter]
    public SwitchParameter AllowPasswordChange { get; set; }

    /// <summary>Let users manage their own access keys, SSH keys, certificates and git credentials with MFA.</summary>
    [Parameter]
    public SwitchParameter AllowSelfServiceCredentials { get; set; }

    /// <summary>A tag key; principals tagged with it and the value <c>true</c> are not denied.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ExemptionTag { get; set; }

    /// <summary>More actions (<c>service:Action</c>) that are not denied without MFA.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? AdditionalAllowedAction { get; set; }

    /// <summary>Return the JSON document only, without calling AWS.</summary>
    [Parameter]
    public SwitchParameter DocumentOnly { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (PolicyPublisher.CheckPolicyName(PolicyName) is string nameProblem)
        {
            ThrowInvalid("InvalidPolicyName", nameProblem, PolicyName);
        }

        if (Path is not null && PolicyPublisher.CheckPath(Path) is string pathProblem)
        {
            ThrowInvalid("InvalidPath", pathProblem, Path);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        EnforcementPolicyOptions options = BuildOptions();

        // Building first validates every option before any credential is looked for.
        PolicyDocument document = Build(options);
        if (DocumentOnly)
        {
            WriteObject(document.ToJson());
            return;
        }

        try
        {
            PolicyPublishPlan plan = AwaitReported((reporter, ct) =>
                new PolicyPublisher(Client, reporter.Log).PlanAsync(PolicyName, Path, Description, options, ct));
            if (plan.IsUnchanged)
            {
                WriteVerbose($"The default version {plan.Existing!.DefaultVersionId} of '{plan.Existing.Arn}' "
                    + "already has this document; nothing to write.");
            }

            // Every write is put to ShouldProcess, so -WhatIf lists them all and sends none.
            bool approved = true;
            foreach (PolicyWrite write in plan.Writes)
            {
                approved &= ShouldProcess(write.Target, write.Action);
            }

            if (!approved)
            {
                return;
            }

            PolicyPublishResult result = AwaitReported((reporter, ct) =>
                new PolicyPublisher(Client, reporter.Log).ApplyAsync(plan, ct));
            WriteObject(new MfaEnforcementPolicy(result));
        }
        catch (EnforcementPolicyException e)
        {
            ThrowInvalidOption(e);
        }
        catch (IamException e)
        {
            ThrowIamError(e, PolicyName, $"Policy '{PolicyName}'");
        }
    }



    private EnforcementPolicyOptions BuildOptions()
    {
        var options = new EnforcementPolicyOptions
        {
            MaxSessionAge = MaxSessionAge,
            AllowPasswordChange = AllowPasswordChange,
            AllowSelfServiceCredentials = AllowSelfServiceCredentials,
            ExemptionTag = ExemptionTag,
        };
        foreach (string action in AdditionalAllowedAction ?? Array.Empty<string>())
        {
            options.AdditionalAllowedActions.Add(action);
        }

        return options;
    }

    private PolicyDocument Build(EnforcementPolicyOptions options)
    {
        try
        {
            return EnforcementPolicyBuilder.Build(options);
        }
        catch (EnforcementPolicyException e)
        {
            ThrowInvalidOption(e);
            throw;
        }
    }

    private void ThrowInvalidOption(EnforcementPolicyException exception)
    {
        string parameter = exception.ParamName == nameof(EnforcementPolicyOptions.AdditionalAllowedActions)
            ? nameof(AdditionalAllowedAction)
            : exception.ParamName ?? string.Empty;
        var record = new ErrorRecord(exception, CommandId + "InvalidOption", ErrorCategory.InvalidArgument, parameter)
        {
            ErrorDetails = new ErrorDetails($"-{parameter}: {WithoutParameterName(exception)}"),
        };
        ThrowTerminatingError(record);
    }

    /// <summary>The message without the "(Parameter '...')" that ArgumentException appends.</summary>
    private static string WithoutParameterName(ArgumentException exception)
    {
        string message = exception.Message;
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(Environment.NewLine + "Parameter name:", StringComparison.Ordinal);
        }

        return cut < 0 ? message : message.Substring(0, cut);
    }

    /// <summary>
    /// Reads a number as whole seconds: without it PowerShell would turn <c>3600</c> into 3,600 ticks.
    /// Strings such as <c>01:00:00</c> and TimeSpan values pass through to the usual conversion.
    /// </summary>
    private sealed class SecondsToTimeSpanAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                int seconds => TimeSpan.FromSeconds(seconds),
                long seconds => TimeSpan.FromSeconds(seconds),
                double seconds => TimeSpan.FromSeconds(seconds),
                decimal seconds => TimeSpan.FromSeconds((double)seconds),
                string text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long s)
                    => TimeSpan.FromSeconds(s),
                _ => inputData,
            };
        }
    }
}
