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
/// Reads the whole account in streams that run at the same time: GetAccountAuthorizationDetails for the users
/// (with their groups, policies and tags), GetAccountAuthorizationDetails for the groups and managed policies,
/// ListVirtualMFADevices, and the credential report, after which ListMFADevices is called only for users whom the
/// report shows with MFA but who hold no virtual device: their hardware tokens and security keys are listed nowhere
/// else. Each page of users is judged while the next one is on its way.
/// </summary>
internal sealed class BulkReader
{
    private const string DetailsActivity = "Reading account authorization details";
    private const string DevicesActivity = "Listing hardware MFA devices and security keys";

    private const AuthorizationDetailsFilter GroupsAndPolicies = AuthorizationDetailsFilter.Group
        | AuthorizationDetailsFilter.LocalManagedPolicy | AuthorizationDetailsFilter.AwsManagedPolicy;

    private readonly AuditSession _session;
    private readonly Dictionary<string, List<MfaDevice>> _otherDevices = new(StringComparer.OrdinalIgnoreCase);

    private ILookup<string, VirtualMfaDeviceInfo> _virtualByUser = Enumerable.Empty<VirtualMfaDeviceInfo>()
        .ToLookup(d => string.Empty);

    private Dictionary<string, CredentialReportRow> _report = new(StringComparer.OrdinalIgnoreCase);

    private IReadOnlyDictionary<string, IReadOnlyList<PolicySource>> _groupPolicies =
        new Dictionary<string, IReadOnlyList<PolicySource>>();

    public BulkReader(AuditSession session)
    {
        _session = session;
    }

    /// <summary>The assigned virtual devices, the root user's included, once the read is done.</summary>
    public IReadOnlyList<VirtualMfaDeviceInfo> VirtualDevices { get; private set; } =
        Array.Empty<VirtualMfaDeviceInfo>();

    /// <summary>Whether an ARN is the root user's (<c>arn:aws:iam::ACCOUNT:root</c>).</summary>
    public static bool IsRoot(string? arn) => arn is not null && arn.EndsWith(":root", StringComparison.Ordinal);

    /// <summary>
    /// The status of every user in <paramref name="scope"/>, in the account's order, and the selected users missing
    /// from the credential report (created after it), whom the caller reads one by one.
    /// </summary>
    public async Task<(List<MfaStatus> Statuses, List<IamUserInfo> NotInReport)> ReadAsync(
        MfaAuditScope scope, MfaStatusJudge judge, CancellationToken ct)
    {
        var statuses = new List<MfaStatus>();
        var notInReport = new List<IamUserInfo>();
        var pages = new ConcurrentQueue<AuthorizationDetailsPage?>();
        using var arrived = new SemaphoreSlim(0);
        Task? ready = null;
        await AuditSession.RunConcurrentlyAsync(
            ct,
            t => ready = ReadReferencesAsync(scope, t),
            t => ReadUserPagesAsync(pages, arrived, t),
            async t =>
            {
                await ready!.ConfigureAwait(false);
                while (true)
                {
                    await arrived.WaitAsync(t).ConfigureAwait(false);
                    pages.TryDequeue(out var page);
                    if (page is null)
                    {
                        break;
                    }

                    await JudgeAsync(page, scope, judge, statuses, notInReport, t).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        return (statuses, notInReport);
    }

    /// <summary>Everything a user's status needs besides the user: devices, report, groups and policies.</summary>
    private async Task ReadReferencesAsync(MfaAuditScope scope, CancellationToken ct)
    {
        var virtualTask = _session.ListVirtualMfaDevicesAsync(ct);
        var reportTask = CredentialReportReader.ReadAsync(_session, ct);
        var groupsTask = ReadGroupsAndPoliciesAsync(ct);
        VirtualDevices = await virtualTask.ConfigureAwait(false);
        _virtualByUser = VirtualDevices.Where(d => d.UserName is not null && !IsRoot(d.UserArn))
            .ToLookup(d => d.UserName!, StringComparer.OrdinalIgnoreCase);
        var report = await reportTask.ConfigureAwait(false);
        _report = report.GroupBy(r => r.User, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        await Task.WhenAll(ReadOtherDevicesAsync(scope, report, ct), groupsTask).ConfigureAwait(false);
    }

    /// <summary>Follows the users' pages as fast as IAM answers; a null page marks the end.</summary>
    private async Task ReadUserPagesAsync(
        ConcurrentQueue<AuthorizationDetailsPage?> pages, SemaphoreSlim arrived, CancellationToken ct)
    {
        var page = 0;
        var users = 0;
        string? marker = null;
        do
        {
            var result = await FetchAsync(AuthorizationDetailsFilter.User, marker, ++page, ct).ConfigureAwait(false);
            users += result.Users.Count;
            _session.Progress(MfaAuditPhase.AuthorizationDetails, DetailsActivity,
                $"Page {page}: {AuditSession.Count(users)} users");
            pages.Enqueue(result);
            arrived.Release();
            marker = result.Marker;
        }
        while (marker is not null);

        pages.Enqueue(null);
        arrived.Release();
        _session.Completed(MfaAuditPhase.AuthorizationDetails, DetailsActivity);
    }

    private async Task JudgeAsync(AuthorizationDetailsPage page, MfaAuditScope scope, MfaStatusJudge judge,
        List<MfaStatus> statuses, List<IamUserInfo> notInReport, CancellationToken ct)
    {
        foreach (var detail in page.Users.Where(u => scope.Selects(u.User.UserName)))
        {
            if (_report.TryGetValue(detail.User.UserName, out var row))
            {
                statuses.Add(judge.Judge(await FactsAsync(detail, row, ct).ConfigureAwait(false)));
            }
            else
            {
                notInReport.Add(detail.User);
            }
        }
    }

    private async Task ReadGroupsAndPoliciesAsync(CancellationToken ct)
    {
        var groups = new List<GroupAuthorizationDetail>();
        var page = 0;
        string? marker = null;
        do
        {
            var result = await FetchAsync(GroupsAndPolicies, marker, ++page, ct).ConfigureAwait(false);
            groups.AddRange(result.Groups);
            foreach (var policy in result.Policies)
            {
                _session.Policies.AddManaged(policy.Policy.Arn, policy.DefaultDocument);
            }

            marker = result.Marker;
        }
        while (marker is not null);

        _groupPolicies = await PrincipalPolicies.OfGroupsAsync(groups, _session.Policies, ct).ConfigureAwait(false);
    }

    private Task<AuthorizationDetailsPage> FetchAsync(
        AuthorizationDetailsFilter filter, string? marker, int page, CancellationToken ct)
    {
        var what = filter == AuthorizationDetailsFilter.User ? "users" : "groups and managed policies";
        _session.Log($"Calling GetAccountAuthorizationDetails ({what}, page {page}).");
        return _session.Client.GetAccountAuthorizationDetailsAsync(filter, marker, IamPaging.MaxPageSize, ct);
    }

    private async Task ReadOtherDevicesAsync(
        MfaAuditScope scope, IReadOnlyList<CredentialReportRow> report, CancellationToken ct)
    {
        var users = report.Where(r => r.MfaActive && r.User != MfaStatus.RootUserName
            && !_virtualByUser.Contains(r.User) && scope.Selects(r.User)).Select(r => r.User).ToList();
        var done = 0;
        var lists = await Task.WhenAll(users.Select(user => _session.LimitedAsync(async () =>
        {
            _session.Log($"Calling ListMFADevices for '{user}': the credential report shows MFA but no virtual "
                + "device is assigned to this user.");
            var found = await IamPaging.ReadAllAsync(
                m => _session.Client.ListMfaDevicesAsync(user, m, IamPaging.MaxPageSize, ct)).ConfigureAwait(false);
            var count = Interlocked.Increment(ref done);
            _session.Progress(MfaAuditPhase.OtherMfaDevices, DevicesActivity, $"{count} of {users.Count}: {user}",
                100 * count / users.Count);
            return (User: user, Devices: found);
        }, ct))).ConfigureAwait(false);
        foreach (var (user, found) in lists)
        {
            _otherDevices[user] = found.Select(d => new MfaDevice(d.SerialNumber, d.EnableDate)).ToList();
        }

        if (users.Count > 0)
        {
            _session.Completed(MfaAuditPhase.OtherMfaDevices, DevicesActivity);
        }
    }

    private async Task<UserFacts> FactsAsync(UserAuthorizationDetail detail, CredentialReportRow row,
        CancellationToken ct)
    {
        var user = detail.User;
        var devices = _virtualByUser[user.UserName].Select(d => new MfaDevice(d.SerialNumber, d.EnableDate))
            .Concat(_otherDevices.TryGetValue(user.UserName, out var other) ? other : Enumerable.Empty<MfaDevice>());

        var policies = await PrincipalPolicies.OfUserAsync(detail, _groupPolicies, _session.Policies, ct)
            .ConfigureAwait(false);

        return new UserFacts(user, row.PasswordEnabled, row.PasswordLastUsed, row.ActiveAccessKeys,
            MfaStatusJudge.Devices(devices), policies.Sources);
    }
}
