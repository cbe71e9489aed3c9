using System;
using MfaEnforcement.Core.Devices;

namespace MfaEnforcement;

/// <summary>One MFA device of a user, as <c>Get-IamMfaStatus</c> lists it in <c>MfaDevices</c>.</summary>
public sealed class MfaDevice
{
    /// <summary>Creates a device; the type follows from the serial number.</summary>
    public MfaDevice(string serialNumber, DateTime? enableDate)
        : this(serialNumber, TypeOf(serialNumber), enableDate)
    {
    }

    /// <summary>
    /// Creates a device of a known type; the serial number may be unknown, as for the root user's hardware device.
    /// </summary>
    public MfaDevice(string? serialNumber, MfaDeviceType type, DateTime? enableDate)
    {
        SerialNumber = serialNumber;
        Type = type;
        EnableDate = enableDate;
    }

    /// <summary>The serial number: an ARN for virtual devices and security keys, else the token's serial.</summary>
    public string? SerialNumber { get; }

    /// <summary>Virtual, Hardware or SecurityKey.</summary>
    public MfaDeviceType Type { get; }

    /// <summary>When the device was enabled for the user (UTC), if known.</summary>
    public DateTime? EnableDate { get; }

    /// <summary>Tells the type of a device from its serial number.</summary>
    public static MfaDeviceType TypeOf(string serialNumber) => MfaSerialNumber.TypeOf(serialNumber);

    /// <summary>For example <c>Virtual arn:aws:iam::123456789012:mfa/alice-phone</c>.</summary>
    public override string ToString() => SerialNumber is null ? Type.ToString() : $"{Type} {SerialNumber}";
}
