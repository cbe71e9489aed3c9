using System.Text;
using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// The credential report: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateCredentialReport.html and
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html. The CSV is taken when
/// generation starts; a report younger than four hours is not made again.
/// </summary>
internal static class CredentialReportOperations
{
    public static void Register(OperationTable table)
    {
        table.Iam("GenerateCredentialReport", Generate);
        table.Iam("GetCredentialReport", Get);
    }

    private static void Generate(OperationContext context)
    {
        AccountState account = context.Account;
        CredentialReportState? report = account.CredentialReport;
        if (report is null || context.Now - report.GeneratedTime >= CredentialReportState.MaxAge)
        {
            account.CredentialReport = new CredentialReportState
            {
                GeneratedTime = context.Now,
                Csv = CredentialReport.Build(account),
            };
            context.Result.Value("State", "STARTED");
            context.Result.Value("Description", report is null
                ? "No report exists. Starting a new report generation task"
                : "Report is older than 4 hours. Starting a new report generation task");
            return;
        }

        report.IsComplete = true;
        context.Result.Value("State", "COMPLETE");
    }

    private static void Get(OperationContext context)
    {
        CredentialReportState report = context.Account.CredentialReport ?? throw Errors.ReportNotPresent();
        if (!report.IsDue(context.Now))
        {
            throw Errors.ReportInProgress();
        }

        report.IsComplete = true;
        context.Result.Value("Content", Encoding.UTF8.GetBytes(report.Csv));
        context.Result.Value("ReportFormat", "text/csv");
        context.Result.Value("GeneratedTime", report.GeneratedTime);
    }
}
