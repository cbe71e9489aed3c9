using System;
using System.Linq;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Devices;

/// <summary>
/// MFA device serial numbers: <c>arn:aws:iam::123456789012:mfa/name</c> for a virtual device,
/// <c>arn:aws:iam::123456789012:u2f/...</c> for a FIDO security key, anything else (such as <c>GAHT12345678</c>)
/// for a hardware TOTP token. See https://docs.aws.amazon.com/IAM/latest/APIReference/API_MFADevice.html.
/// </summary>
public static class MfaSerialNumber
{
    /// <summary>The shortest serial number IAM accepts.</summary>
    public const int MinLength = 9;

    /// <summary>The longest serial number IAM accepts.</summary>
    public const int MaxLength = 256;

    private const string Punctuation = "+=/:,.@-_";

    /// <summary>Why the text cannot be a serial number, or null when it can.</summary>
    public static string? Check(string? serialNumber)
    {
        if (string.IsNullOrEmpty(serialNumber))
        {
            return "The serial number is empty: give the ARN of a virtual MFA device (arn:aws:iam::<account>:mfa/" +
                "<name>) or a hardware token's serial number.";
        }

        if (serialNumber!.Length < MinLength || serialNumber.Length > MaxLength ||
            serialNumber.Any(c => !(c < 128 && char.IsLetterOrDigit(c)) && Punctuation.IndexOf(c) < 0))
        {
            return $"'{serialNumber}' is not an MFA serial number: give the ARN of a virtual MFA device " +
                "(arn:aws:iam::<account>:mfa/<name>) or a hardware token's serial number, as Get-IamMfaStatus " +
                "lists them.";
        }

        return null;
    }

    /// <summary>The longest virtual device name IAM accepts.</summary>
    public const int MaxDeviceNameLength = 226;

    /// <summary>
    /// Why a virtual device name breaks IAM's rules (1 to 226 letters, digits and <c>+=,.@_-</c>), or null.
    /// </summary>
    public static string? CheckDeviceName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name!.Length > MaxDeviceNameLength ||
            name.Any(c => !(c < 128 && char.IsLetterOrDigit(c)) && "+=,.@_-".IndexOf(c) < 0))
        {
            return $"'{name}' cannot name a virtual MFA device: use 1 to {MaxDeviceNameLength} letters, digits and " +
                "'+=,.@_-', for example the user's name.";
        }

        return null;
    }

    /// <summary>The kind of device a serial number names: by the ARN's resource type, else a hardware token.</summary>
    public static MfaDeviceType TypeOf(string serialNumber)
    {
        if (serialNumber is null)
        {
            throw new ArgumentNullException(nameof(serialNumber));
        }

        var resource = IamArn.Part(serialNumber, IamArn.ResourceIndex);
        if (resource is null)
        {
            return MfaDeviceType.Hardware;
        }

        if (resource.StartsWith("mfa/", StringComparison.Ordinal))
        {
            return MfaDeviceType.Virtual;
        }

        return resource.StartsWith("u2f/", StringComparison.Ordinal)
            ? MfaDeviceType.SecurityKey
            : MfaDeviceType.Hardware;
    }

    /// <summary>True for a virtual MFA device, which DeleteVirtualMFADevice can remove.</summary>
    public static bool IsVirtual(string serialNumber) => TypeOf(serialNumber) == MfaDeviceType.Virtual;

    /// <summary>True for a FIDO security key, which cannot answer GetSessionToken.</summary>
    public static bool IsSecurityKey(string serialNumber) => TypeOf(serialNumber) == MfaDeviceType.SecurityKey;

    /// <summary>The account id of a device ARN, or null for a hardware serial number.</summary>
    public static string? AccountId(string serialNumber) => IamArn.Part(serialNumber, IamArn.AccountIndex);
}
