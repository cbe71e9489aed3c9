using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Audit;
using MfaEnforcement.Core.Enforcement;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Commands;

/// <summary>
/// What <c>Set-MfaEnforcement</c> and <c>Remove-MfaEnforcement</c> share: the targets from the pipeline, the policy,
/// <c>-ViaGroup</c>, and the run: plan from reads, confirm each write, then write a few at a time.
/// </summary>
public abstract class EnforcementCmdletBase : IamCmdletBase
{
    /// <summary>The parameter set that names the policy by name.</summary>
    protected const string PolicyNameSet = "PolicyName";

    /// <summary>The parameter set that names the policy by ARN.</summary>
    protected const string PolicyArnSet = "PolicyArn";

    private readonly List<EnforcementTarget> _targets = new();
    private readonly HashSet<EnforcementTarget> _seen = new();
    private bool _anyInput;

    /// <summary>
    /// What is piped in: a string is a user name or a user or group ARN; other objects bind by property name to
    /// <see cref="UserName"/>, <see cref="GroupName"/> and <see cref="Arn"/>.
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>Users to enforce MFA for, by name.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("User")]
    [ValidateNotNullOrEmpty]
    public string[]? UserName { get; set; }

    /// <summary>Groups whose members to enforce MFA for, by name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Group")]
    [ValidateNotNullOrEmpty]
    public string[]? GroupName { get; set; }

    /// <summary>ARNs of users or groups.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? Arn { get; set; }

    /// <summary>The enforcement policy by ARN.</summary>
    [Parameter(ParameterSetName = PolicyArnSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? PolicyArn { get; set; }

    /// <summary>The enforcement policy by name, among the account's customer-managed policies.</summary>
    [Parameter(ParameterSetName = PolicyNameSet)]
    [ValidateNotNullOrEmpty]
    public string PolicyName { get; set; } = EnforcementRequest.DefaultPolicyName;

    /// <summary>Reach users through this group (created when missing) instead of attaching the policy.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ViaGroup { get; set; }

    /// <summary>After the change, emit the MFA status of every user the targets are or contain.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Apply or remove.</summary>
    protected abstract EnforcementDirection Direction { get; }

    /// <summary>The caller would lock themselves out; only Set-MfaEnforcement plans that.</summary>
    protected virtual void OnLockout(EnforcementPlan plan, string lockout)
    {
    }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var problem = ViaGroup is null ? null : IamNames.CheckGroupName(ViaGroup);
        if (problem is not null)
        {
            ThrowInvalid("InvalidViaGroup", problem, ViaGroup);
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        _anyInput |= InputObject is not null || UserName is not null || GroupName is not null || Arn is not null;
        if (InputObject is PSObject { BaseObject: string } or string)
        {
            var text = InputObject.ToString()!;
            if (text.StartsWith("arn:", StringComparison.Ordinal))
            {
                AddTarget(EnforcementTarget.FromArn(text, out var arnProblem), arnProblem, "InvalidArn", text);
            }
            else
            {
                AddTarget(EnforcementTarget.User(text), IamNames.CheckUserName(text), "InvalidUserName", text);
            }
        }
        else if (InputObject is not null && UserName is null && GroupName is null && Arn is null)
        {
            WriteInvalid("NoTargetProperty", $"The piped object '{InputObject}' has no UserName, GroupName or Arn " +
                "property. Pipe users or groups, such as the output of Get-IamUser or Get-IamGroup, or names.",
                InputObject);
        }

        foreach (var name in UserName ?? Array.Empty<string>())
        {
            AddTarget(EnforcementTarget.User(name), IamNames.CheckUserName(name), "InvalidUserName", name);
        }

        foreach (var name in GroupName ?? Array.Empty<string>())
        {
            AddTarget(EnforcementTarget.Group(name), IamNames.CheckGroupName(name), "InvalidGroupName", name);
        }

        foreach (var arn in Arn ?? Array.Empty<string>())
        {
            var target = EnforcementTarget.FromArn(arn, out var problem);
            AddTarget(target, problem, "InvalidArn", arn);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_targets.Count == 0)
        {
            if (!_anyInput && !MyInvocation.ExpectingInput)
            {
                ThrowInvalid("NoTarget", "Name the users or groups with -UserName, -GroupName or -Arn, or pipe them " +
                    "in, for example: Get-IamUser | " + MyInvocation.MyCommand.Name, null);
            }

            WriteVerbose("No valid user or group was given; nothing to do.");
            return;
        }

        // The client is built here, on the pipeline thread: building it writes a verbose message.
        var client = Client;
        var monitor = new EnforcementMonitor();
        var request = new EnforcementRequest
        {
            Direction = Direction,
            Targets = _targets,
            PolicyArn = PolicyArn,
            PolicyName = PolicyName,
            ViaGroup = ViaGroup,
            CallerAccessKeyId = () => (client as IamClient)?.AccessKeyId,
        };
        var plan = RunCore(monitor, ct => new EnforcementPlanner(client, monitor).PlanAsync(request, ct));

        foreach (var failure in plan.Failures)
        {
            WriteIamError(failure.Exception, failure.Target.Name, failure.Subject);
        }

        foreach (var message in plan.Unchanged)
        {
            WriteVerbose(message);
        }

        foreach (var warning in plan.Warnings)
        {
            WriteWarning(warning);
        }

        if (plan.Lockout is not null)
        {
            OnLockout(plan, plan.Lockout);
        }

        var approved = Confirm(plan, out var stopped);
        if (approved.Count > 0)
        {
            var result = RunCore(monitor, ct => new EnforcementExecutor(client, monitor)
                .RunAsync(approved, request.Concurrency, ct));
            foreach (var failure in result.Failures)
            {
                WriteIamError(failure.Exception, failure.Target.Name, failure.Subject);
            }
        }

        if (PassThru && !stopped && plan.CoveredUsers.Count > 0)
        {
            WriteMfaStatuses(plan.CoveredUsers);
        }
    }

    private void AddTarget(EnforcementTarget? target, string? problem, string reason, string input)
    {
        if (target is null || problem is not null)
        {
            WriteInvalid(reason, problem ?? $"'{input}' is not valid.", input);
        }
        else if (_seen.Add(target))
        {
            _targets.Add(target);
        }
    }

    /// <summary>
    /// Asks ShouldProcess for every write; -WhatIf lists them all and approves none. <paramref name="stopped"/> tells
    /// that nothing is written: -WhatIf, or a declined prerequisite.
    /// </summary>
    private List<EnforcementStep> Confirm(EnforcementPlan plan, out bool stopped)
    {
        var approved = new List<EnforcementStep>();
        stopped = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value)
            ? LanguagePrimitives.IsTrue(value)
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        foreach (var step in plan.Steps)
        {
            if (ShouldProcess(step.TargetText, step.ActionText))
            {
                approved.Add(step);
            }
            else if (step.IsPrerequisite && !stopped)
            {
                WriteWarning($"Declined: {step}. Every other change depends on it, so nothing was changed.");
                stopped = true;
                return new List<EnforcementStep>();
            }
        }

        return approved;
    }

    /// <summary>
    /// Runs a Core call on the thread pool while this thread writes its verbose messages and progress, the only
    /// thread allowed to; a failure that concerns the whole call ends it.
    /// </summary>
    private T RunCore<T>(EnforcementMonitor monitor, Func<CancellationToken, Task<T>> call)
    {
        var progress = new ProgressRecord(1, MyInvocation.MyCommand.Name, "Starting");
        void Report()
        {
            WriteMessages(monitor);
            progress.Activity = $"{MyInvocation.MyCommand.Name}: {monitor.Activity}";
            progress.StatusDescription = $"{monitor.Completed} of {monitor.Total}";
            progress.PercentComplete = monitor.Total == 0 ? -1 : Math.Min(100, 100 * monitor.Completed / monitor.Total);
            WriteProgress(progress);
        }

        try
        {
            return AwaitReported((_, ct) => call(ct), Report);
        }
        catch (IamException e)
        {
            ThrowIamError(e, PolicyArn ?? PolicyName);
            throw;
        }
        finally
        {
            WriteMessages(monitor);
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }

    /// <summary>The users' MFA status after the change, as Get-IamMfaStatus reports it.</summary>
    private void WriteMessages(EnforcementMonitor monitor)
    {
        foreach (var message in monitor.DrainMessages())
        {
            WriteVerbose(message);
        }
    }
}
