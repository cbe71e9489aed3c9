using System;

namespace MfaEnforcement.Core.Devices;

/// <summary>
/// The <c>otpauth://totp/</c> URI that authenticator apps read from a QR code, in the form AWS's own QR codes use:
/// issuer "Amazon Web Services", label <c>device@account</c>, SHA-1, 6 digits, 30 seconds. See the Key URI Format
/// of Google Authenticator, https://github.com/google/google-authenticator/wiki/Key-Uri-Format.
/// </summary>
public static class OtpAuthUri
{
    /// <summary>The issuer AWS writes into its QR codes.</summary>
    public const string AwsIssuer = "Amazon Web Services";

    /// <summary>The URI for a device: the seed is the Base32 text IAM returns.</summary>
    public static string Build(string deviceName, string? accountId, string base32Seed)
    {
        var account = string.IsNullOrEmpty(accountId) ? deviceName : $"{deviceName}@{accountId}";
        var issuer = Uri.EscapeDataString(AwsIssuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(account)}?secret={base32Seed.TrimEnd('=')}" +
            $"&issuer={issuer}&algorithm=SHA1&digits={MfaCodes.Length}&period=30";
    }
}
