namespace MfaEnforcement.Core.Devices;

/// <summary>
/// The one-time codes of virtual and hardware MFA devices: six digits (RFC 6238 TOTP as AWS uses it, 30-second
/// steps). Checked before a request is sent, so a typing error costs no call and no throttled attempt. See
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html.
/// </summary>
public static class MfaCodes
{
    /// <summary>The number of digits of a code.</summary>
    public const int Length = 6;

    /// <summary>
    /// Why the code cannot be an MFA code, or null when it can. The message never repeats the code itself.
    /// </summary>
    public static string? Check(string? code, string parameterName)
    {
        if (string.IsNullOrEmpty(code))
        {
            return $"-{parameterName} is empty: enter the {Length}-digit code that the MFA app shows.";
        }

        foreach (var c in code!)
        {
            if (c is < '0' or > '9')
            {
                return $"-{parameterName} must be {Length} digits (0-9) but holds other characters: enter the code " +
                    "exactly as the MFA app shows it, without spaces.";
            }
        }

        if (code.Length != Length)
        {
            return $"-{parameterName} must be exactly {Length} digits but has {code.Length}: enter the whole code " +
                "that the MFA app shows, with any leading zeros.";
        }

        return null;
    }
}
