using System.Security;

namespace MfaEnforcement;

/// <summary>
/// A virtual MFA device as <c>New-IamVirtualMfaDevice</c> emits it: created, not yet enabled. The seed and the
/// <c>otpauth://</c> URI (which holds the seed) are SecureStrings, so that showing the object, a transcript or a
/// log never reveals them; <c>ConvertFrom-SecureString -AsPlainText</c> reads them when that is really wanted.
/// Its <c>UserName</c> and <c>SerialNumber</c> bind to <c>Enable-IamMfaDevice</c>.
/// </summary>
public sealed class VirtualMfaDevice
{
    /// <summary>Creates the object.</summary>
    public VirtualMfaDevice(
        string userName, string deviceName, string serialNumber, SecureString base32StringSeed, SecureString otpAuthUri)
    {
        UserName = userName;
        DeviceName = deviceName;
        SerialNumber = serialNumber;
        Base32StringSeed = base32StringSeed;
        OtpAuthUri = otpAuthUri;
    }

    /// <summary>The user the device is for; it is assigned to the user by <c>Enable-IamMfaDevice</c>.</summary>
    public string UserName { get; }

    /// <summary>The device's name, the last part of its ARN.</summary>
    public string DeviceName { get; }

    /// <summary>The device's ARN, <c>arn:aws:iam::123456789012:mfa/name</c>.</summary>
    public string SerialNumber { get; }

    /// <summary>The secret seed, Base32 as authenticator apps take it when typed in.</summary>
    public SecureString Base32StringSeed { get; }

    /// <summary>The <c>otpauth://totp/...</c> URI of the QR code; it holds the seed.</summary>
    public SecureString OtpAuthUri { get; }

    /// <summary>The full path of the QR code PNG written with <c>-QRCodePath</c>, or null.</summary>
    public string? QRCodePath { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => SerialNumber;
}
