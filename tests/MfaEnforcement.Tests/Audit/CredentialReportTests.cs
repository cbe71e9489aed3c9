using System;
using System.Linq;
using System.Text;
using MfaEnforcement.Core.Audit;
using MfaEnforcement.Core.Iam;
using Xunit;

namespace MfaEnforcement.Tests.Audit;

/// <summary>The credential report: reuse of a recent one, generation polled with backoff, and its CSV.</summary>
public class CredentialReportTests
{
    [Fact]
    public void AReportYoungerThanFourHoursIsReused()
    {
        var iam = AuditAccounts.EveryCase();
        iam.AddReport(TimeSpan.FromHours(3.5));
        var generated = iam.Report!.Generated;
        var run = new AuditRun(iam);

        run.Audit(MfaAuditScope.AllUsers());

        Assert.Equal(1, iam.Count("GenerateCredentialReport"));
        Assert.Equal(1, iam.Count("GetCredentialReport"));
        Assert.Equal(generated, iam.Report.Generated);
        Assert.Empty(run.Waits);
    }

    [Fact]
    public void AReportOlderThanFourHoursIsGeneratedAgain()
    {
        var iam = AuditAccounts.EveryCase();
        iam.AddReport(TimeSpan.FromHours(4.5));

        new AuditRun(iam).Audit(MfaAuditScope.AllUsers());

        Assert.Equal(iam.Now, iam.Report!.Generated);
    }

    [Fact]
    public void GenerationIsPolledWithGrowingWaits()
    {
        var iam = AuditAccounts.EveryCase();
        iam.ReportGenerationCalls = 5;
        var run = new AuditRun(iam);

        run.Audit(MfaAuditScope.AllUsers());

        Assert.Equal(new[] { 50, 100, 200, 400, 800 }, run.Waits.Select(w => (int)w.TotalMilliseconds));
        Assert.Equal(6, iam.Count("GenerateCredentialReport"));
        Assert.Equal(1, iam.Count("GetCredentialReport"));
    }

    [Fact]
    public void WaitsBetweenPollsStopGrowingAtFiveSeconds()
    {
        var iam = AuditAccounts.EveryCase();
        iam.ReportGenerationCalls = 9;
        var run = new AuditRun(iam);

        run.Audit(MfaAuditScope.AllUsers());

        Assert.Equal(5000, (int)run.Waits.Max().TotalMilliseconds);
    }

    [Fact]
    public void AReportThatNeverCompletesEndsWithAnErrorThatSaysWhatToDo()
    {
        var iam = AuditAccounts.EveryCase();
        iam.ReportGenerationCalls = int.MaxValue;
        var run = new AuditRun(iam);

        var error = Assert.Throws<IamException>(() => run.Audit(MfaAuditScope.AllUsers()));

        Assert.Equal("CredentialReportTimeout", error.ErrorCode);
        Assert.Contains("run the command again", error.Message);
        Assert.InRange(run.Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b).TotalMinutes, 5, 5.2);
    }

    [Fact]
    public void ReadsEveryColumnTheAuditNeeds()
    {
        var csv = "user,arn,user_creation_time,password_enabled,password_last_used,mfa_active,"
            + "access_key_1_active,access_key_2_active\n"
            + "<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,"
            + "2025-01-02T03:04:05+00:00,true,false,false\n"
            + "alice,arn:aws:iam::123456789012:user/alice,2024-01-01T00:00:00+00:00,true,no_information,false,"
            + "true,true\n"
            + "bob,arn:aws:iam::123456789012:user/bob,2024-01-01T00:00:00+00:00,false,N/A,true,false,true\n";

        var rows = CredentialReportReader.Parse(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(new[] { "<root_account>", "alice", "bob" }, rows.Select(r => r.User));
        Assert.Equal(new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc), rows[0].PasswordLastUsed);
        Assert.Equal(DateTimeKind.Utc, rows[0].PasswordLastUsed!.Value.Kind);
        Assert.True(rows[1].PasswordEnabled);
        Assert.Null(rows[1].PasswordLastUsed);
        Assert.Equal(2, rows[1].ActiveAccessKeys);
        Assert.True(rows[2].MfaActive);
        Assert.Equal(1, rows[2].ActiveAccessKeys);
    }

    [Fact]
    public void AReportWithoutTheExpectedColumnsIsAnInvalidResponse()
    {
        var error = Assert.Throws<IamException>(() =>
            CredentialReportReader.Parse(Encoding.UTF8.GetBytes("name,arn\nalice,arn:aws:iam::1:user/alice\n")));

        Assert.Equal(IamException.InvalidResponse, error.ErrorCode);
    }
}
