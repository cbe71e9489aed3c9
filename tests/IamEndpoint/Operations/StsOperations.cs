using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// STS: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html and
/// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html.
/// </summary>
internal static partial class StsOperations
{
    private const int DefaultDuration = 43_200;
    private const int MinDuration = 900;
    private const int MaxDuration = 129_600;

    /// <summary>Root sessions last at most an hour; a longer request is cut to that, not refused.</summary>
    private const int MaxRootDuration = 3_600;

    public static void Register(OperationTable table)
    {
        table.Sts("GetCallerIdentity", GetCallerIdentity);
        table.Sts("GetSessionToken", GetSessionToken);
    }

    private static void GetCallerIdentity(OperationContext context)
    {
        IamUser? user = context.Caller.User;
        context.Result.Value("UserId", user?.Id ?? context.Account.AccountId);
        context.Result.Value("Account", context.Account.AccountId);
        context.Result.Value("Arn", user?.Arn ?? context.Account.RootArn);
    }

    private static void GetSessionToken(OperationContext context)
    {
        Caller caller = context.Caller;
        if (caller.Session is not null)
        {
            throw Errors.AccessDenied("Cannot call GetSessionToken with session credentials");
        }

        int duration = context.Request.Int("DurationSeconds") ?? DefaultDuration;
        if (duration is < MinDuration or > MaxDuration)
        {
            string constraint = duration < MinDuration
                ? $"have value greater than or equal to {MinDuration}"
                : $"have value less than or equal to {MaxDuration}";
            throw Errors.Constraint("DurationSeconds", duration.ToString(), constraint);
        }

        if (caller.IsRoot)
        {
            duration = Math.Min(duration, MaxRootDuration);
        }

        bool mfa = CheckMfa(context);
        AccountState account = context.Account;
        List<string> expired = [.. account.Sessions.Where(s => s.Value.Expiration <= context.Now).Select(s => s.Key)];
        foreach (string key in expired)
        {
            account.Sessions.Remove(key);
        }

        var session = new SessionCredentials
        {
            AccessKeyId = account.Ids.NewAccessKeyId("ASIA"),
            Secret = IdGenerator.NewSecret(),
            Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(192)),
            Expiration = context.Now.AddSeconds(duration),
            User = caller.User,
            MfaPresent = mfa,
        };
        account.Sessions.Add(session.AccessKeyId, session);

        XmlResult r = context.Result;
        r.Structure("Credentials", () =>
        {
            r.Value("AccessKeyId", session.AccessKeyId);
            r.Value("SecretAccessKey", session.Secret);
            r.Value("SessionToken", session.Token);
            r.Value("Expiration", session.Expiration);
        });
    }

    /// <summary>Checks SerialNumber and TokenCode against the caller's device; false when neither is given.</summary>
    private static bool CheckMfa(OperationContext context)
    {
        string? serial = context.Request.Optional("SerialNumber");
        string? code = context.Request.Optional("TokenCode");
        if (serial is null && code is null)
        {
            return false;
        }

        if (serial is null || code is null)
        {
            throw Errors.ValidationError("SerialNumber and TokenCode must be given together.");
        }

        if (serial.Length is < 9 or > 256 || !SerialPattern().IsMatch(serial))
        {
            throw Errors.Constraint("SerialNumber", serial, @"satisfy regular expression pattern: [\w+=/:,.@-]*");
        }

        if (!CodePattern().IsMatch(code))
        {
            throw Errors.Constraint("TokenCode", code, @"satisfy regular expression pattern: [\d]* of length 6");
        }

        List<MfaDevice> devices = context.Caller.User?.MfaDevices ?? context.Account.Root.MfaDevices;
        MfaDevice? device = devices.Find(d => d.SerialNumber == serial);
        if (device?.Base32Seed is null)
        {
            // Security keys (FIDO) have no one-time codes, so they cannot be used here either.
            throw Errors.AccessDenied(
                "MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial " +
                "number is valid and associated with this user.");
        }

        return TotpCodes.Verify(device.Base32Seed, code, context.Now)
            ? true
            : throw Errors.AccessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code.");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_+=/:,.@-]+$")]
    private static partial Regex SerialPattern();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex CodePattern();
}
