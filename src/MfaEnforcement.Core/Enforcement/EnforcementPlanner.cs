using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>
/// Decides, from reads only, what <c>Set-MfaEnforcement</c> or <c>Remove-MfaEnforcement</c> would write: resolves
/// the policy and the targets, skips what is already as asked, and runs the safety checks once for the whole
/// invocation, before anything is written. The reads run a few at a time
/// (<see cref="EnforcementRequest.Concurrency"/>).
/// </summary>
public sealed partial class EnforcementPlanner
{
    private readonly IIamClient _client;
    private readonly EnforcementMonitor _monitor;

    /// <summary>Creates a planner over <paramref name="client"/>; <paramref name="monitor"/> gets its log.</summary>
    public EnforcementPlanner(IIamClient client, EnforcementMonitor? monitor = null)
    {
        _client = client;
        _monitor = monitor ?? new EnforcementMonitor();
    }

    /// <summary>Reads what is needed and returns the plan.</summary>
    /// <exception cref="IamException">
    /// The call as a whole cannot go on: the caller is unknown, the policy or the <c>-ViaGroup</c> group cannot be
    /// read, or the named policy does not exist and is not the default one.
    /// </exception>
    public async Task<EnforcementPlan> PlanAsync(EnforcementRequest request, CancellationToken ct)
    {
        _monitor.Log("Calling STS GetCallerIdentity to learn who would be affected by the change.");
        var caller = await _client.GetCallerIdentityAsync(ct).ConfigureAwait(false);
        var state = new PlanState(request);

        var policy = await ResolvePolicyAsync(request, caller, ct).ConfigureAwait(false);
        state.PolicyArn = policy.Arn;
        state.PolicyExists = policy.Exists;
        if (!policy.Exists)
        {
            if (request.Direction == EnforcementDirection.Remove)
            {
                state.Warnings.Add($"The policy '{policy.Arn}' does not exist, so it is attached to nobody: " +
                    "nothing to remove. Name the policy with -PolicyArn or -PolicyName if it is another one.");
                return state.ToPlan(caller, lockout: null);
            }

            state.Prerequisites.Add(new EnforcementStep(EnforcementStepKind.CreatePolicy, null, policy.Arn));
        }

        if (request.ViaGroup is not null)
        {
            state.Via = await ReadViaGroupAsync(request.ViaGroup, state, ct).ConfigureAwait(false);
        }

        var namedUsers = request.Targets.Count(t => t.Kind == EnforcementTargetKind.User);
        if (namedUsers > UserDirectory.BulkThreshold)
        {
            _monitor.Log($"{namedUsers} users are named, more than {UserDirectory.BulkThreshold}: reading the " +
                "account's users in bulk rather than two requests for each.");
            state.Users = await UserDirectory.TryReadAsync(_client, _monitor, ct).ConfigureAwait(false);
        }

        _monitor.Start("Reading the targets", request.Targets.Count);
        await Bounded.ForEachAsync(
            request.Targets.Select((target, index) => (target, index)).ToList(),
            request.Concurrency,
            async item =>
            {
                try
                {
                    await PlanTargetAsync(item.target, item.index, state, ct).ConfigureAwait(false);
                }
                catch (IamException e) when (!e.ConcernsEveryCall)
                {
                    state.AddFailure(item.index, EnforcementFailure.From(item.target, e));
                }

                _monitor.Advance();
            },
            ct).ConfigureAwait(false);

        string? lockout = null;
        if (request.Direction == EnforcementDirection.Apply)
        {
            lockout = await CheckSafetyAsync(request, caller, state, ct).ConfigureAwait(false);
        }

        return state.ToPlan(caller, lockout);
    }

    private async Task<(string Arn, bool Exists)> ResolvePolicyAsync(
        EnforcementRequest request, CallerIdentity caller, CancellationToken ct)
    {
        if (request.PolicyArn is not null)
        {
            _monitor.Log($"Calling GetPolicy for '{request.PolicyArn}'.");
            try
            {
                var found = await _client.GetPolicyAsync(request.PolicyArn, ct).ConfigureAwait(false);
                return (found.Arn, true);
            }
            catch (IamException e) when (e.IsNotFound && request.Direction == EnforcementDirection.Remove)
            {
                return (request.PolicyArn, false);
            }
            catch (IamException e) when (e.IsNotFound)
            {
                throw PolicyNotFound(e, $"The policy '{request.PolicyArn}' does not exist.");
            }
        }

        var name = request.PolicyName;
        var partition = IamArn.Partition(caller.Arn);
        var arn = $"arn:{partition}:iam::{caller.Account}:policy/{name}";
        _monitor.Log($"Calling GetPolicy for '{arn}'.");
        try
        {
            var found = await _client.GetPolicyAsync(arn, ct).ConfigureAwait(false);
            return (found.Arn, true);
        }
        catch (IamException e) when (e.IsNotFound)
        {
            // The policy may live under a path such as /security/; only a listing finds it by name.
            _monitor.Log($"No policy '{name}' at the root path; calling ListPolicies (customer managed) to find it.");
        }

        var policies = await IamPaging.ReadAllAsync(marker => _client.ListPoliciesAsync(
            PolicyScope.Local, false, null, marker, IamPaging.MaxPageSize, ct)).ConfigureAwait(false);
        var match = policies.FirstOrDefault(p => string.Equals(p.PolicyName, name, StringComparison.Ordinal));
        if (match is not null)
        {
            return (match.Arn, true);
        }

        if (request.Direction == EnforcementDirection.Apply &&
            !string.Equals(name, EnforcementRequest.DefaultPolicyName, StringComparison.Ordinal))
        {
            throw PolicyNotFound(null, $"The account has no customer-managed policy named '{name}'.");
        }

        return (arn, false);
    }

    private static IamException PolicyNotFound(IamException? cause, string message) => new(
        "GetPolicy",
        "NoSuchEntity",
        message + " Create it with New-MfaEnforcementPolicy, find the account's enforcement policies with " +
        "Get-MfaEnforcementPolicy, or leave out -PolicyArn and -PolicyName to use (and create) the default policy " +
        $"'{EnforcementRequest.DefaultPolicyName}'.",
        cause?.StatusCode,
        cause?.RequestId,
        cause);

    private async Task<ViaGroup> ReadViaGroupAsync(string groupName, PlanState state, CancellationToken ct)
    {
        var via = new ViaGroup(groupName);
        _monitor.Log($"Calling GetGroup for '{groupName}' to list its members.");
        try
        {
            var group = await IamPaging.ReadGroupAsync(_client, groupName, ct).ConfigureAwait(false);
            via.Name = group.Group.GroupName;
            via.Exists = true;
            via.Members.UnionWith(group.Members.Select(m => m.UserName));
        }
        catch (IamException e) when (e.IsNotFound)
        {
            via.Exists = false;
        }

        if (via.Exists && state.PolicyExists)
        {
            _monitor.Log($"Calling ListAttachedGroupPolicies for '{via.Name}'.");
            via.PolicyAttached = await IsAttachedAsync(
                m => _client.ListAttachedGroupPoliciesAsync(via.Name, m, IamPaging.MaxPageSize, ct),
                state.PolicyArn).ConfigureAwait(false);
        }

        var target = EnforcementTarget.Group(via.Name);
        if (state.Request.Direction == EnforcementDirection.Remove)
        {
            if (!via.Exists)
            {
                state.Warnings.Add($"The group '{groupName}' does not exist, so no user is a member of it: nothing " +
                    "to remove. Check the name with Get-IamGroup.");
            }

            return via;
        }

        if (!via.Exists)
        {
            state.Prerequisites.Add(new EnforcementStep(
                EnforcementStepKind.CreateGroup, target, state.PolicyArn, via.Name));
        }

        if (via.PolicyAttached)
        {
            _monitor.Log($"Group '{via.Name}' already has the policy '{state.PolicyArn}' attached.");
        }
        else
        {
            state.Prerequisites.Add(new EnforcementStep(
                EnforcementStepKind.AttachGroupPolicy, target, state.PolicyArn, via.Name));
            foreach (var member in via.Members)
            {
                state.AddAffected(member, $"a member of group '{via.Name}', which gets the policy");
            }
        }

        return via;
    }

    private static async Task<bool> IsAttachedAsync(
        Func<string?, Task<Page<AttachedPolicyInfo>>> list, string policyArn)
    {
        var attached = await IamPaging.ReadAllAsync(list).ConfigureAwait(false);
        return attached.Any(p => string.Equals(p.PolicyArn, policyArn, StringComparison.Ordinal));
    }
}
