using OtpNet;

namespace IamEndpoint.Account;

/// <summary>
/// RFC 6238 time-based codes as AWS virtual MFA devices use them: HMAC-SHA-1, 6 digits, 30-second steps.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html
/// </summary>
internal static class TotpCodes
{
    /// <summary>How many 30-second steps a code may lie off the endpoint's clock, either way.</summary>
    public const int AllowedDriftSteps = 2;

    /// <summary>A code from any step within the allowed drift of <paramref name="now"/>.</summary>
    public static bool Verify(string base32Seed, string code, DateTime now)
    {
        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(base32Seed));
        var window = new VerificationWindow(AllowedDriftSteps, AllowedDriftSteps);
        return totp.VerifyTotp(now, code, out _, window);
    }

    /// <summary>
    /// Two codes from consecutive steps, the way EnableMFADevice and ResyncMFADevice take them, the first within
    /// the allowed drift of <paramref name="now"/> (a little more into the past, where the first code comes from).
    /// </summary>
    public static bool VerifyConsecutive(string base32Seed, string code1, string code2, DateTime now)
    {
        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(base32Seed));
        for (int step = -AllowedDriftSteps - 1; step <= AllowedDriftSteps; step++)
        {
            DateTime first = now.AddSeconds(step * 30);
            if (totp.ComputeTotp(first) == code1 && totp.ComputeTotp(first.AddSeconds(30)) == code2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A new seed: 40 random bytes, 64 base32 characters like the seeds AWS issues.</summary>
    public static string NewSeed() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(40));

    /// <summary>A fixed seed derived from a name, for seeded devices that do not give one.</summary>
    public static string StableSeed(string name) =>
        Base32Encoding.ToString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("mfa-seed:" + name))[..20]);
}
