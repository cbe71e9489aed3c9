using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Audit;

/// <summary>
/// Audits the account's users for MFA and emits one <see cref="MfaStatus"/> each. An account-wide audit reads in
/// bulk (a handful of requests for thousands of users); a few named users are read one by one, which costs less
/// than reading the whole account. Both paths give the same objects for the same users.
/// </summary>
public sealed class MfaAuditor
{
    /// <summary>Up to this many named users are read one by one; more, or a wildcard, read the whole account.</summary>
    public const int PerUserLimit = 5;

    private const string AnalysisActivity = "Judging policies and status";

    private readonly IIamClient _client;
    private readonly MfaAuditOptions _options;

    /// <summary>Creates an auditor over <paramref name="client"/>.</summary>
    public MfaAuditor(IIamClient client, MfaAuditOptions? options = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? new MfaAuditOptions();
    }

    /// <summary>Chooses the path for <paramref name="scope"/>, with the reason in one sentence.</summary>
    public static MfaAuditPlan Plan(MfaAuditScope scope)
    {
        if (scope is null)
        {
            throw new ArgumentNullException(nameof(scope));
        }

        if (scope.IsAllUsers)
        {
            return new MfaAuditPlan(MfaAuditPath.Bulk, "Auditing every user: reading the account in bulk "
                + "(GetAccountAuthorizationDetails, ListVirtualMFADevices and the credential report at once).");
        }

        if (scope.Matches is not null)
        {
            return new MfaAuditPlan(MfaAuditPath.Bulk, "A wildcard needs the account's list of users: reading the "
                + "account in bulk and keeping the users that match.");
        }

        var count = scope.UserNames.Count;
        return count <= PerUserLimit
            ? new MfaAuditPlan(MfaAuditPath.PerUser, $"{Users(count)} named, at most {PerUserLimit}: reading each "
                + "user with per-user calls (about ten requests each) costs less than reading the whole account.")
            : new MfaAuditPlan(MfaAuditPath.Bulk, $"{Users(count)} named, more than {PerUserLimit}: reading the "
                + "account in bulk costs fewer requests than about ten per user.");
    }

    /// <summary>Audits the users of <paramref name="scope"/> on the path <see cref="Plan"/> chooses.</summary>
    public Task<MfaAuditResult> AuditAsync(MfaAuditScope scope, CancellationToken ct = default) =>
        AuditAsync(scope, Plan(scope), ct);

    /// <summary>Audits the users of <paramref name="scope"/> on the given path.</summary>
    public async Task<MfaAuditResult> AuditAsync(MfaAuditScope scope, MfaAuditPlan plan, CancellationToken ct = default)
    {
        if (scope is null)
        {
            throw new ArgumentNullException(nameof(scope));
        }

        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        _options.Log?.Invoke(plan.Reason);
        using var session = new AuditSession(_client, _options);
        return plan.Path == MfaAuditPath.Bulk
            ? await BulkAsync(session, scope, plan, ct).ConfigureAwait(false)
            : await PerUserAsync(session, scope, plan, ct).ConfigureAwait(false);
    }

    private static async Task<MfaAuditResult> BulkAsync(
        AuditSession session, MfaAuditScope scope, MfaAuditPlan plan, CancellationToken ct)
    {
        var reader = new BulkReader(session);
        var judge = new MfaStatusJudge(session.Options.ExemptionTagKey);
        var summary = scope.IncludeRoot ? RootReader.ReadSummaryAsync(session, ct) : null;
        var (statuses, notInReport) = await reader.ReadAsync(scope, judge, ct).ConfigureAwait(false);

        // Users created after the credential report are not in it; they are read one by one.
        var perUser = new PerUserReader(session);
        foreach (var user in notInReport)
        {
            session.Log($"'{user.UserName}' is newer than the credential report; reading it with per-user calls.");
        }

        var newcomers = await Task.WhenAll(notInReport.Select(u => perUser.ReadAsync(u.UserName, ct)))
            .ConfigureAwait(false);
        statuses.AddRange(newcomers.Select(judge.Judge));

        var found = new HashSet<string>(statuses.Select(s => s.UserName), StringComparer.OrdinalIgnoreCase);
        var errors = scope.UserNames.Where(name => !found.Contains(name))
            .Select(name => new MfaAuditError(name, NotFound(name))).ToList();
        if (summary is not null)
        {
            var root = await RootReader.BuildAsync(session, await summary.ConfigureAwait(false),
                reader.VirtualDevices, statuses.Select(s => s.Arn).FirstOrDefault(), ct).ConfigureAwait(false);
            statuses.Insert(0, root);
        }

        return new MfaAuditResult(plan, statuses, errors);
    }

    private static async Task<MfaAuditResult> PerUserAsync(
        AuditSession session, MfaAuditScope scope, MfaAuditPlan plan, CancellationToken ct)
    {
        const string activity = "Reading users one by one";
        var reader = new PerUserReader(session);
        var summary = scope.IncludeRoot ? RootReader.ReadSummaryAsync(session, ct) : null;
        var virtualDevices = scope.IncludeRoot ? session.ListVirtualMfaDevicesAsync(ct) : null;
        var done = 0;
        var reads = scope.UserNames.Select(async name =>
        {
            try
            {
                return (Name: name, Facts: (UserFacts?)await reader.ReadAsync(name, ct).ConfigureAwait(false),
                    Error: (IamException?)null);
            }
            catch (IamException e) when (e.IsNotFound)
            {
                return (Name: name, Facts: (UserFacts?)null, Error: (IamException?)e);
            }
            finally
            {
                var count = Interlocked.Increment(ref done);
                session.Progress(MfaAuditPhase.Users, activity, $"{count} of {scope.UserNames.Count}: {name}",
                    100 * count / scope.UserNames.Count);
            }
        }).ToList();
        var results = await Task.WhenAll(reads).ConfigureAwait(false);
        session.Completed(MfaAuditPhase.Users, activity);

        var facts = results.Where(r => r.Facts is not null).Select(r => r.Facts!).ToList();
        var statuses = Judge(session, facts);
        var errors = results.Where(r => r.Error is not null).Select(r => new MfaAuditError(r.Name, r.Error!)).ToList();
        if (summary is not null && virtualDevices is not null)
        {
            var root = await RootReader.BuildAsync(session, await summary.ConfigureAwait(false),
                await virtualDevices.ConfigureAwait(false), facts.Select(f => f.User.Arn).FirstOrDefault(), ct)
                .ConfigureAwait(false);
            statuses.Insert(0, root);
        }

        return new MfaAuditResult(plan, statuses, errors);
    }

    private static List<MfaStatus> Judge(AuditSession session, IReadOnlyList<UserFacts> facts)
    {
        var judge = new MfaStatusJudge(session.Options.ExemptionTagKey);
        var statuses = new List<MfaStatus>(facts.Count);
        for (var i = 0; i < facts.Count; i++)
        {
            session.Progress(MfaAuditPhase.Analysis, AnalysisActivity, $"{i + 1} of {facts.Count}",
                100 * i / facts.Count);
            statuses.Add(judge.Judge(facts[i]));
        }

        session.Completed(MfaAuditPhase.Analysis, AnalysisActivity);
        return statuses;
    }

    private static IamException NotFound(string userName) => new(
        "GetAccountAuthorizationDetails", "NoSuchEntity", $"The user with name {userName} cannot be found.");

    private static string Users(int count) => count == 1 ? "1 user" : $"{count} users";
}
