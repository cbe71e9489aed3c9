using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Audit;

/// <summary>One user's row of the credential report, with the columns the audit reads.</summary>
internal sealed class CredentialReportRow
{
    public CredentialReportRow(string user, string arn, bool passwordEnabled, DateTime? passwordLastUsed,
        bool mfaActive, int activeAccessKeys)
    {
        User = user;
        Arn = arn;
        PasswordEnabled = passwordEnabled;
        PasswordLastUsed = passwordLastUsed;
        MfaActive = mfaActive;
        ActiveAccessKeys = activeAccessKeys;
    }

    public string User { get; }

    public string Arn { get; }

    public bool PasswordEnabled { get; }

    public DateTime? PasswordLastUsed { get; }

    public bool MfaActive { get; }

    public int ActiveAccessKeys { get; }
}

/// <summary>
/// Gets the credential report. GenerateCredentialReport comes first: AWS answers COMPLETE at once when a report
/// younger than four hours exists, and reuses it rather than making a new one; otherwise it starts one, and the
/// call is repeated with growing waits until it says COMPLETE. GetCredentialReport then downloads the CSV.
/// See https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html.
/// </summary>
internal static class CredentialReportReader
{
    private const string Activity = "Reading the credential report";
    private static readonly TimeSpan s_longestPoll = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<CredentialReportRow>> ReadAsync(AuditSession session, CancellationToken ct)
    {
        session.Progress(MfaAuditPhase.CredentialReport, Activity, "Asking for a report");
        await GenerateAsync(session, ct).ConfigureAwait(false);
        session.Log("Calling GetCredentialReport to download the report.");
        session.Progress(MfaAuditPhase.CredentialReport, Activity, "Downloading");
        var report = await session.Client.GetCredentialReportAsync(ct).ConfigureAwait(false);
        session.Log($"The credential report was generated at {Format(report.GeneratedTime)}.");
        var rows = Parse(report.Content);
        session.Completed(MfaAuditPhase.CredentialReport, Activity);
        return rows;
    }

    /// <summary>Reads the report's CSV; the root user's row is kept, named <c>&lt;root_account&gt;</c>.</summary>
    public static IReadOnlyList<CredentialReportRow> Parse(byte[] content)
    {
        try
        {
            using var csv = CsvReader.Create(content, CsvReaderOptions.Default);
            var keyColumns = csv.Headers
                .Where(h => h.StartsWith("access_key_", StringComparison.Ordinal)
                    && h.EndsWith("_active", StringComparison.Ordinal))
                .ToList();
            var rows = new List<CredentialReportRow>();
            while (csv.Read())
            {
                rows.Add(new CredentialReportRow(
                    csv.GetString("user"),
                    csv.GetString("arn"),
                    Flag(csv.GetString("password_enabled")),
                    Date(csv.GetString("password_last_used")),
                    Flag(csv.GetString("mfa_active")),
                    keyColumns.Count(column => Flag(csv.GetString(column)))));
            }

            return rows;
        }
        catch (Exception e) when (e is KeyNotFoundException or CsvFormatException)
        {
            throw new IamException(
                "GetCredentialReport",
                IamException.InvalidResponse,
                $"The credential report could not be read ({e.Message}); run the command again.",
                innerException: e);
        }
    }

    /// <summary>Calls GenerateCredentialReport until it says COMPLETE, waiting longer each time.</summary>
    private static async Task GenerateAsync(AuditSession session, CancellationToken ct)
    {
        var options = session.Options;
        var wait = options.CredentialReportFirstPoll;
        var waited = TimeSpan.Zero;
        for (var call = 1; ; call++)
        {
            session.Log(call == 1
                ? "Calling GenerateCredentialReport (AWS reuses a report younger than four hours)."
                : $"Calling GenerateCredentialReport again (call {call}) to see whether the report is complete.");
            var state = await session.Client.GenerateCredentialReportAsync(ct).ConfigureAwait(false);
            if (state == CredentialReportState.Complete)
            {
                return;
            }

            if (waited >= options.CredentialReportTimeout)
            {
                throw new IamException(
                    "GenerateCredentialReport",
                    "CredentialReportTimeout",
                    $"The credential report was still being generated after {waited.TotalSeconds:0} seconds; run "
                    + "the command again in a few minutes, when AWS has finished it.");
            }

            session.Progress(MfaAuditPhase.CredentialReport, Activity,
                $"Generating ({state}); asking again in {wait.TotalSeconds:0.0#} s");
            await options.Delay(wait, ct).ConfigureAwait(false);
            waited += wait;
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, s_longestPoll.Ticks));
        }
    }

    private static bool Flag(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An ISO 8601 time; N/A, no_information and not_supported mean none.</summary>
    private static DateTime? Date(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime
            : null;

    private static string Format(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
