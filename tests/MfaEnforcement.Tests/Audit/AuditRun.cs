using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MfaEnforcement.Core.Audit;
using Xunit;

namespace MfaEnforcement.Tests.Audit;

/// <summary>Runs an audit against the fake without sleeping, and keeps what it logged and waited.</summary>
internal sealed class AuditRun
{
    public AuditRun(FakeIamClient iam, string? exemptionTagKey = null)
    {
        Iam = iam;
        Options = new MfaAuditOptions
        {
            Log = Log.Enqueue,
            Progress = Progress.Enqueue,
            Delay = (wait, ct) =>
            {
                Waits.Enqueue(wait);
                return Task.CompletedTask;
            },
        };
        if (exemptionTagKey is not null)
        {
            Options.ExemptionTagKey = exemptionTagKey;
        }
    }

    public FakeIamClient Iam { get; }

    public MfaAuditOptions Options { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    public ConcurrentQueue<MfaAuditProgress> Progress { get; } = new();

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public static MfaAuditPlan Forced(MfaAuditPath path) => new(path, $"Forced {path} path for a test.");

    public MfaAuditResult Audit(MfaAuditScope scope, MfaAuditPath? path = null)
    {
        var auditor = new MfaAuditor(Iam, Options);
        var task = path is MfaAuditPath forced ? auditor.AuditAsync(scope, Forced(forced)) : auditor.AuditAsync(scope);
        return task.GetAwaiter().GetResult();
    }

    public MfaStatus One(string userName, MfaAuditPath path) =>
        Assert.Single(Audit(MfaAuditScope.ForUsers(new[] { userName }), path).Statuses);

    /// <summary>Every property of a status as text, so that two statuses compare by value.</summary>
    public static string Describe(MfaStatus status) => string.Join("\n", new[]
    {
        status.UserName, status.Arn, status.Path ?? "-", Time(status.CreateDate),
        status.HasConsolePassword.ToString(), Time(status.PasswordLastUsed), status.MfaEnabled.ToString(),
        string.Join(";", status.MfaDevices.Select(d => $"{d.Type}|{d.SerialNumber}|{Time(d.EnableDate)}")),
        status.ActiveAccessKeys.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string.Join(";", status.EnforcedBy.Select(e => $"{e}|{e.PolicyArn}|{e.Level}")),
        status.Exempt.ToString(), status.Status.ToString(), status.Reason, string.Join(";", status.Findings),
    });

    public static IReadOnlyList<string> Describe(IEnumerable<MfaStatus> statuses) =>
        statuses.OrderBy(s => s.UserName, StringComparer.Ordinal).Select(Describe).ToList();

    private static string Time(DateTime? time) => time is DateTime t
        ? t.ToString("o", System.Globalization.CultureInfo.InvariantCulture) + t.Kind
        : "-";
}
