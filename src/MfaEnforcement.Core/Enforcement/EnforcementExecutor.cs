using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>
/// Makes the writes of a plan that the user confirmed: the prerequisites one by one, then the targets' writes a
/// few at a time. A target that fails is reported and the others go on; a failed prerequisite ends the run,
/// since every target depends on it.
/// </summary>
public sealed class EnforcementExecutor
{
    private readonly IIamClient _client;
    private readonly EnforcementMonitor _monitor;

    /// <summary>Creates an executor over <paramref name="client"/>; <paramref name="monitor"/> gets its log.</summary>
    public EnforcementExecutor(IIamClient client, EnforcementMonitor? monitor = null)
    {
        _client = client;
        _monitor = monitor ?? new EnforcementMonitor();
    }

    /// <summary>Runs <paramref name="steps"/> with at most <paramref name="concurrency"/> calls in flight.</summary>
    /// <exception cref="IamException">A prerequisite failed: nothing after it was written.</exception>
    public async Task<EnforcementResult> RunAsync(
        IReadOnlyList<EnforcementStep> steps, int concurrency, CancellationToken ct)
    {
        foreach (var step in steps.Where(s => s.IsPrerequisite))
        {
            await RunStepAsync(step, ct).ConfigureAwait(false);
        }

        var targetSteps = steps.Where(s => !s.IsPrerequisite).ToList();
        var failures = new EnforcementFailure?[targetSteps.Count];
        _monitor.Start("Applying the changes", targetSteps.Count);
        await Bounded.ForEachAsync(
            Enumerable.Range(0, targetSteps.Count).ToList(),
            concurrency,
            async index =>
            {
                try
                {
                    await RunStepAsync(targetSteps[index], ct).ConfigureAwait(false);
                }
                catch (IamException e) when (!e.ConcernsEveryCall)
                {
                    // Every step but CreatePolicy, a prerequisite, has a target.
                    failures[index] = EnforcementFailure.From(targetSteps[index].Target!, e);
                }

                _monitor.Advance();
            },
            ct).ConfigureAwait(false);

        var done = targetSteps.Where((_, i) => failures[i] is null).ToList();
        return new EnforcementResult(
            steps.Where(s => s.IsPrerequisite).Concat(done).ToList(),
            failures.Where(f => f is not null).Select(f => f!).ToList());
    }

    private async Task RunStepAsync(EnforcementStep step, CancellationToken ct)
    {
        var name = step.Target?.Name ?? string.Empty;
        _monitor.Log($"Calling {step.Kind} for {step.TargetText}.");
        switch (step.Kind)
        {
            case EnforcementStepKind.CreatePolicy:
                await CreatePolicyAsync(step.PolicyArn, ct).ConfigureAwait(false);
                break;
            case EnforcementStepKind.CreateGroup:
                await IgnoreExistingAsync(_client.CreateGroupAsync(step.GroupName!, null, ct)).ConfigureAwait(false);
                break;
            case EnforcementStepKind.AttachUserPolicy:
                await _client.AttachUserPolicyAsync(name, step.PolicyArn, ct).ConfigureAwait(false);
                break;
            case EnforcementStepKind.AttachGroupPolicy:
                await _client.AttachGroupPolicyAsync(name, step.PolicyArn, ct).ConfigureAwait(false);
                break;
            case EnforcementStepKind.AddUserToGroup:
                await _client.AddUserToGroupAsync(step.GroupName!, name, ct).ConfigureAwait(false);
                break;
            case EnforcementStepKind.DetachUserPolicy:
                await _client.DetachUserPolicyAsync(name, step.PolicyArn, ct).ConfigureAwait(false);
                break;
            case EnforcementStepKind.DetachGroupPolicy:
                await _client.DetachGroupPolicyAsync(name, step.PolicyArn, ct).ConfigureAwait(false);
                break;
            case EnforcementStepKind.RemoveUserFromGroup:
                await _client.RemoveUserFromGroupAsync(step.GroupName!, name, ct).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "Unknown step.");
        }

        _monitor.Log($"Done: {step.ActionText} on {step.TargetText}.");
    }

    /// <summary>
    /// Creates the policy <c>New-MfaEnforcementPolicy</c> makes with its default options, at the root path, under
    /// the name the ARN ends with, through the same publisher. A policy that exists by then is left as it is.
    /// </summary>
    private async Task CreatePolicyAsync(string policyArn, CancellationToken ct)
    {
        var name = policyArn.Substring(policyArn.LastIndexOf('/') + 1);
        var publisher = new PolicyPublisher(_client, _monitor.Log);
        var plan = await publisher.PlanAsync(
            name,
            null,
            "Denies everything but MFA enrollment to sessions without MFA. Created by Set-MfaEnforcement.",
            new EnforcementPolicyOptions(),
            ct).ConfigureAwait(false);
        if (plan.Existing is not null)
        {
            _monitor.Log("It exists already; nothing to create.");
            return;
        }

        await IgnoreExistingAsync(publisher.ApplyAsync(plan, ct)).ConfigureAwait(false);
    }

    /// <summary>Another run created the same entity meanwhile: the result is the one asked for.</summary>
    private async Task IgnoreExistingAsync(Task call)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (IamException e) when (e.ErrorCode == "EntityAlreadyExists")
        {
            _monitor.Log("It exists already; nothing to create.");
        }
    }
}

/// <summary>What <see cref="EnforcementExecutor"/> did: the steps done, and the targets that failed.</summary>
public sealed class EnforcementResult
{
    internal EnforcementResult(IReadOnlyList<EnforcementStep> done, IReadOnlyList<EnforcementFailure> failures)
    {
        Done = done;
        Failures = failures;
    }

    /// <summary>The steps written, prerequisites first.</summary>
    public IReadOnlyList<EnforcementStep> Done { get; }

    /// <summary>The targets whose write failed, in the plan's order.</summary>
    public IReadOnlyList<EnforcementFailure> Failures { get; }
}
