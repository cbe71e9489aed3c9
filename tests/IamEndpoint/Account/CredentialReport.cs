using System.Globalization;
using System.Text;

namespace IamEndpoint.Account;

/// <summary>The account's credential report: when generation started, and the CSV taken then.</summary>
internal sealed class CredentialReportState
{
    /// <summary>AWS makes a new report at most every four hours; a newer one is served as it is.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(4);

    /// <summary>
    /// A report becomes complete at the next GenerateCredentialReport call, or after this delay for clients that
    /// poll GetCredentialReport instead.
    /// </summary>
    public static readonly TimeSpan GenerationTime = TimeSpan.FromSeconds(2);

    public required DateTime GeneratedTime { get; init; }

    public required string Csv { get; init; }

    public bool IsComplete { get; set; }

    public bool IsDue(DateTime now) => IsComplete || now - GeneratedTime >= GenerationTime;
}

/// <summary>
/// Writes the credential report CSV with AWS's columns and its N/A, no_information and not_supported values:
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
/// </summary>
internal static class CredentialReport
{
    public static readonly string[] Columns =
    [
        "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
        "password_next_rotation", "mfa_active",
        "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
        "access_key_1_last_used_region", "access_key_1_last_used_service",
        "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
        "access_key_2_last_used_region", "access_key_2_last_used_service",
        "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
    ];

    private const string NotApplicable = "N/A";
    private const string NoInformation = "no_information";
    private const string NotSupported = "not_supported";

    public static string Build(AccountState account)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns));

        var root = new List<string>
        {
            "<root_account>", account.RootArn, Date(account.CreateDate), NotSupported,
            account.Root.PasswordLastUsed is { } used ? Date(used) : NoInformation, NotSupported, NotSupported,
            Flag(account.Root.MfaDevices.Count > 0),
        };
        AddKeysAndCertificates(root, account.Root.AccessKeys);
        csv.Append('\n').Append(string.Join(',', root));

        foreach (IamUser user in account.Users.From(null))
        {
            LoginProfile? profile = user.LoginProfile;
            var row = new List<string>
            {
                user.Name, user.Arn, Date(user.CreateDate), Flag(profile is not null),
                profile is null ? NotApplicable : user.PasswordLastUsed is { } last ? Date(last) : NoInformation,
                profile is null ? NotApplicable : Date(profile.CreateDate),
                NotApplicable,
                Flag(user.MfaDevices.Count > 0),
            };
            AddKeysAndCertificates(row, user.AccessKeys);
            csv.Append('\n').Append(string.Join(',', row));
        }

        return csv.ToString();
    }

    private static void AddKeysAndCertificates(List<string> row, List<AccessKey> keys)
    {
        IReadOnlyList<AccessKey> ordered =
            [.. keys.OrderBy(k => k.CreateDate).ThenBy(k => k.Id, StringComparer.Ordinal)];
        for (int i = 0; i < 2; i++)
        {
            AccessKey? key = i < ordered.Count ? ordered[i] : null;
            row.Add(Flag(key?.Status == "Active"));
            row.Add(key?.Status == "Active" ? Date(key.CreateDate) : NotApplicable);
            row.Add(key?.LastUsedDate is { } used ? Date(used) : NotApplicable);
            row.Add(key?.LastUsedDate is null ? NotApplicable : key.LastUsedRegion ?? NotApplicable);
            row.Add(key?.LastUsedDate is null ? NotApplicable : key.LastUsedService ?? NotApplicable);
        }

        // Signing certificates are not modelled: both certificate columns read as absent.
        row.AddRange(["false", NotApplicable, "false", NotApplicable]);
    }

    private static string Flag(bool value) => value ? "true" : "false";

    /// <summary>The report writes times as ISO 8601 with an offset, e.g. 2024-01-02T03:04:05+00:00.</summary>
    private static string Date(DateTime value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
