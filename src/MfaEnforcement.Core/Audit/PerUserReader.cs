using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;

namespace MfaEnforcement.Core.Audit;

/// <summary>
/// Reads one user with per-user calls: GetUser, then at the same time ListMFADevices, GetLoginProfile,
/// ListAccessKeys, the user's attached and inline policies, and their groups' policies (each group read once).
/// </summary>
internal sealed class PerUserReader
{
    private readonly AuditSession _session;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<PolicySource>>>> _groups =
        new(StringComparer.OrdinalIgnoreCase);

    public PerUserReader(AuditSession session)
    {
        _session = session;
    }

    public async Task<UserFacts> ReadAsync(string userName, CancellationToken ct)
    {
        var client = _session.Client;
        _session.Log($"Calling GetUser for '{userName}'.");
        var user = await _session.LimitedAsync(() => client.GetUserAsync(userName, ct), ct).ConfigureAwait(false);
        var name = user.UserName;

        var devices = ReadAllAsync("ListMFADevices", name, m => client.ListMfaDevicesAsync(name, m, Max, ct), ct);
        var login = _session.LimitedAsync(() =>
        {
            _session.Log($"Calling GetLoginProfile for '{name}'.");
            return client.GetLoginProfileAsync(name, ct);
        }, ct);
        var keys = ReadAllAsync("ListAccessKeys", name, m => client.ListAccessKeysAsync(name, m, Max, ct), ct);
        var attached = ReadAttachedAsync(name, ct);
        var inline = ReadInlineAsync(name, ct);
        var groups = ReadGroupsAsync(name, ct);
        await Task.WhenAll(devices, login, keys, attached, inline, groups).ConfigureAwait(false);

        var policies = PrincipalPolicies.Of(attached.Result.Concat(inline.Result), groups.Result.Names,
            group => groups.Result.Policies[group]);
        return new UserFacts(
            user,
            login.Result is not null,
            user.PasswordLastUsed,
            keys.Result.Count(k => string.Equals(k.Status, "Active", StringComparison.OrdinalIgnoreCase)),
            MfaStatusJudge.Devices(devices.Result.Select(d => new MfaDevice(d.SerialNumber, d.EnableDate))),
            policies.Sources);
    }

    private static int Max => IamPaging.MaxPageSize;

    private async Task<IReadOnlyList<PolicySource>> ReadAttachedAsync(string userName, CancellationToken ct)
    {
        var attached = await ReadAllAsync(
            "ListAttachedUserPolicies", userName,
            m => _session.Client.ListAttachedUserPoliciesAsync(userName, m, Max, ct), ct).ConfigureAwait(false);
        return await PrincipalPolicies.ManagedAsync(attached, PolicyAttachment.Direct, null, _session.Policies, ct)
            .ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<PolicySource>> ReadInlineAsync(string userName, CancellationToken ct)
    {
        var names = await ReadAllAsync(
            "ListUserPolicies", userName,
            m => _session.Client.ListUserPoliciesAsync(userName, m, Max, ct), ct).ConfigureAwait(false);
        var policies = await Task.WhenAll(names.Select(policyName => _session.LimitedAsync(() =>
        {
            _session.Log($"Calling GetUserPolicy for '{userName}' policy '{policyName}'.");
            return _session.Client.GetUserPolicyAsync(userName, policyName, ct);
        }, ct))).ConfigureAwait(false);
        return PrincipalPolicies.Inline(policies, PolicyAttachment.Inline, null, _session.Policies);
    }

    /// <summary>The user's groups in IAM's order, and each group's policies by name.</summary>
    private async Task<(IReadOnlyList<string> Names, Dictionary<string, IReadOnlyList<PolicySource>> Policies)>
        ReadGroupsAsync(string userName, CancellationToken ct)
    {
        var groups = await ReadAllAsync(
            "ListGroupsForUser", userName,
            m => _session.Client.ListGroupsForUserAsync(userName, m, Max, ct), ct).ConfigureAwait(false);
        var names = groups.Select(g => g.GroupName).ToList();
        var policies = await Task.WhenAll(names.Select(name => _groups.GetOrAdd(
            name, key => new Lazy<Task<IReadOnlyList<PolicySource>>>(() => ReadGroupAsync(key, ct))).Value))
            .ConfigureAwait(false);
        return (names, names.Zip(policies, (name, read) => (name, read))
            .ToDictionary(g => g.name, g => g.read, StringComparer.OrdinalIgnoreCase));
    }

    private async Task<IReadOnlyList<PolicySource>> ReadGroupAsync(string groupName, CancellationToken ct)
    {
        var client = _session.Client;
        var attachedTask = ReadAllAsync(
            "ListAttachedGroupPolicies", groupName, m => client.ListAttachedGroupPoliciesAsync(groupName, m, Max, ct),
            ct);
        var namesTask = ReadAllAsync(
            "ListGroupPolicies", groupName, m => client.ListGroupPoliciesAsync(groupName, m, Max, ct), ct);
        var attached = await PrincipalPolicies.ManagedAsync(await attachedTask.ConfigureAwait(false),
            PolicyAttachment.Group, groupName, _session.Policies, ct).ConfigureAwait(false);
        var inline = await Task.WhenAll((await namesTask.ConfigureAwait(false)).Select(policyName =>
            _session.LimitedAsync(() =>
            {
                _session.Log($"Calling GetGroupPolicy for '{groupName}' policy '{policyName}'.");
                return client.GetGroupPolicyAsync(groupName, policyName, ct);
            }, ct))).ConfigureAwait(false);
        return attached.Concat(PrincipalPolicies.Inline(inline, PolicyAttachment.Group, groupName, _session.Policies))
            .ToList();
    }

    private Task<List<T>> ReadAllAsync<T>(
        string action, string subject, Func<string?, Task<Page<T>>> fetch, CancellationToken ct) =>
        IamPaging.ReadAllAsync(marker => _session.LimitedAsync(() =>
        {
            _session.Log(marker is null
                ? $"Calling {action} for '{subject}'."
                : $"Calling {action} for '{subject}' (next page).");
            return fetch(marker);
        }, ct));
}
