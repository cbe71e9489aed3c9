using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>The reads and the decision for one target.</summary>
public sealed partial class EnforcementPlanner
{
    private Task PlanTargetAsync(EnforcementTarget target, int index, PlanState state, CancellationToken ct)
    {
        var apply = state.Request.Direction == EnforcementDirection.Apply;
        if (target.Kind == EnforcementTargetKind.Group)
        {
            return apply
                ? PlanGroupApplyAsync(target, index, state, ct)
                : PlanGroupRemoveAsync(target, index, state, ct);
        }

        if (state.Via is not null)
        {
            return apply ? PlanViaApplyAsync(target, index, state, ct) : PlanViaRemoveAsync(target, index, state, ct);
        }

        return apply ? PlanUserApplyAsync(target, index, state, ct) : PlanUserRemoveAsync(target, index, state, ct);
    }

    private async Task PlanUserApplyAsync(EnforcementTarget target, int index, PlanState state, CancellationToken ct)
    {
        var user = await ReadUserAsync(target, index, state, ct).ConfigureAwait(false);
        if (user is null)
        {
            return;
        }

        var canonical = EnforcementTarget.User(user.UserName);
        if (state.PolicyExists)
        {
            var attached = await IsAttachedToUserAsync(user.UserName, state, ct).ConfigureAwait(false);
            if (attached)
            {
                state.AddUnchanged(index, $"User '{user.UserName}' already has the policy '{state.PolicyArn}' " +
                    "attached; nothing to do.");
                return;
            }
        }

        state.AddStep(index, new EnforcementStep(EnforcementStepKind.AttachUserPolicy, canonical, state.PolicyArn));
        state.AddAffected(user.UserName, "a target");
    }

    private async Task PlanViaApplyAsync(EnforcementTarget target, int index, PlanState state, CancellationToken ct)
    {
        var user = await ReadUserAsync(target, index, state, ct).ConfigureAwait(false);
        if (user is null)
        {
            return;
        }

        var via = state.Via!;
        if (via.Members.Contains(user.UserName))
        {
            state.AddUnchanged(index, $"User '{user.UserName}' is already a member of group '{via.Name}'; " +
                "nothing to do.");
            return;
        }

        state.AddStep(index, new EnforcementStep(
            EnforcementStepKind.AddUserToGroup, EnforcementTarget.User(user.UserName), state.PolicyArn, via.Name));
        state.AddAffected(user.UserName, "a target");
    }

    /// <summary>GetUser; null, with a warning, for a user carrying the exemption tag.</summary>
    private async Task<IamUserInfo?> ReadUserAsync(
        EnforcementTarget target, int index, PlanState state, CancellationToken ct)
    {
        var user = await GetUserAsync(target.Name, state, ct).ConfigureAwait(false);
        state.AddCovered(index, user.UserName);
        var key = state.Request.ExemptionTagKey;
        var exempt = user.Tags.Any(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(t.Value, "true", StringComparison.Ordinal));
        if (exempt)
        {
            state.AddExempt(user.UserName);
            return null;
        }

        return user;
    }

    /// <summary>The user from the bulk read when there is one, else from GetUser.</summary>
    private async Task<IamUserInfo> GetUserAsync(string userName, PlanState state, CancellationToken ct)
    {
        if (state.Users is not null)
        {
            return state.Users.Find(userName, "GetUser").User;
        }

        _monitor.Log($"Calling GetUser for '{userName}'.");
        return await _client.GetUserAsync(userName, ct).ConfigureAwait(false);
    }

    /// <summary>Whether the policy is attached to the user directly, from the bulk read when there is one.</summary>
    private async Task<bool> IsAttachedToUserAsync(string userName, PlanState state, CancellationToken ct)
    {
        if (state.Users is not null)
        {
            return state.Users.IsAttached(userName, state.PolicyArn, "ListAttachedUserPolicies");
        }

        _monitor.Log($"Calling ListAttachedUserPolicies for '{userName}'.");
        return await IsAttachedAsync(
            m => _client.ListAttachedUserPoliciesAsync(userName, m, IamPaging.MaxPageSize, ct),
            state.PolicyArn).ConfigureAwait(false);
    }

    private async Task PlanGroupApplyAsync(EnforcementTarget target, int index, PlanState state, CancellationToken ct)
    {
        _monitor.Log($"Calling GetGroup for '{target.Name}' to list the members the policy would apply to.");
        var group = await IamPaging.ReadGroupAsync(_client, target.Name, ct).ConfigureAwait(false);
        var groupName = group.Group.GroupName;
        foreach (var member in group.Members)
        {
            state.AddCovered(index, member.UserName);
        }

        if (state.PolicyExists)
        {
            _monitor.Log($"Calling ListAttachedGroupPolicies for '{groupName}'.");
            var attached = await IsAttachedAsync(
                m => _client.ListAttachedGroupPoliciesAsync(groupName, m, IamPaging.MaxPageSize, ct),
                state.PolicyArn).ConfigureAwait(false);
            if (attached)
            {
                state.AddUnchanged(index, $"Group '{groupName}' already has the policy '{state.PolicyArn}' " +
                    "attached; nothing to do.");
                return;
            }
        }

        state.AddStep(index, new EnforcementStep(
            EnforcementStepKind.AttachGroupPolicy, EnforcementTarget.Group(groupName), state.PolicyArn));
        foreach (var member in group.Members)
        {
            state.AddAffected(member.UserName, $"a member of group '{groupName}'");
        }
    }

    private async Task PlanUserRemoveAsync(EnforcementTarget target, int index, PlanState state, CancellationToken ct)
    {
        var attached = await IsAttachedToUserAsync(target.Name, state, ct).ConfigureAwait(false);
        state.AddCovered(index, target.Name);
        if (attached)
        {
            state.AddStep(index, new EnforcementStep(EnforcementStepKind.DetachUserPolicy, target, state.PolicyArn));
        }
        else
        {
            state.AddUnchanged(index, $"User '{target.Name}' does not have the policy '{state.PolicyArn}' " +
                "attached directly; nothing to do.");
        }
    }

    private async Task PlanGroupRemoveAsync(EnforcementTarget target, int index, PlanState state, CancellationToken ct)
    {
        _monitor.Log($"Calling GetGroup for '{target.Name}' to list its members.");
        var group = await IamPaging.ReadGroupAsync(_client, target.Name, ct).ConfigureAwait(false);
        foreach (var member in group.Members)
        {
            state.AddCovered(index, member.UserName);
        }

        _monitor.Log($"Calling ListAttachedGroupPolicies for '{target.Name}'.");
        var attached = await IsAttachedAsync(
            m => _client.ListAttachedGroupPoliciesAsync(target.Name, m, IamPaging.MaxPageSize, ct),
            state.PolicyArn).ConfigureAwait(false);
        if (attached)
        {
            state.AddStep(index, new EnforcementStep(EnforcementStepKind.DetachGroupPolicy, target, state.PolicyArn));
        }
        else
        {
            state.AddUnchanged(index, $"Group '{target.Name}' does not have the policy '{state.PolicyArn}' " +
                "attached; nothing to do.");
        }
    }

    private async Task PlanViaRemoveAsync(EnforcementTarget target, int index, PlanState state, CancellationToken ct)
    {
        var via = state.Via!;
        if (via.Members.Contains(target.Name))
        {
            var name = via.Members.First(m => string.Equals(m, target.Name, StringComparison.OrdinalIgnoreCase));
            state.AddCovered(index, name);
            state.AddStep(index, new EnforcementStep(
                EnforcementStepKind.RemoveUserFromGroup, EnforcementTarget.User(name), state.PolicyArn, via.Name));
            return;
        }

        // Not a member: tell a user that does not exist from one that is simply not in the group.
        var user = await GetUserAsync(target.Name, state, ct).ConfigureAwait(false);
        state.AddCovered(index, user.UserName);
        state.AddUnchanged(index, $"User '{target.Name}' is not a member of group '{via.Name}'; nothing to do.");
    }
}
