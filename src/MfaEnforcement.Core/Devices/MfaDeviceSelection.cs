using System;
using System.Collections.Generic;
using System.Linq;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Devices;

/// <summary>
/// Which of a user's MFA devices a command acts on: a serial number that is not the user's is refused before any
/// change, since acting on it would touch another user's sign-in.
/// </summary>
public static class MfaDeviceSelection
{
    /// <summary>
    /// The devices to reset: all of the user's, or the one named, which must be the user's. An empty list means
    /// the user has no device (nothing to do).
    /// </summary>
    public static IReadOnlyList<MfaDeviceInfo> ForReset(
        string userName, IReadOnlyList<MfaDeviceInfo> userDevices, string? serialNumber)
    {
        if (serialNumber is null)
        {
            return userDevices;
        }

        var device = Find(userDevices, serialNumber);
        if (device is null)
        {
            throw new MfaDeviceException(
                MfaDeviceException.SerialNumberNotOwned,
                $"The MFA device '{serialNumber}' is not assigned to the user '{userName}'. " +
                Listing(userName, userDevices) + " Check the serial number with Get-IamMfaStatus, or leave out " +
                "-SerialNumber to reset all of the user's devices.");
        }

        return new[] { device };
    }

    /// <summary>
    /// The device whose code opens a session for the caller: the one named, which must be the caller's, or the
    /// caller's only device that gives codes (virtual or hardware; FIDO security keys give none).
    /// </summary>
    public static string ForSession(string callerName, IReadOnlyList<MfaDeviceInfo> callerDevices, string? serialNumber)
    {
        if (serialNumber is not null)
        {
            if (Find(callerDevices, serialNumber) is null)
            {
                throw new MfaDeviceException(
                    MfaDeviceException.SerialNumberNotOwned,
                    $"The MFA device '{serialNumber}' is not one of the caller's ('{callerName}') devices, and STS " +
                    "accepts only the caller's own device. " + Listing(callerName, callerDevices) +
                    " Pass the serial number of your own device, or use -ProfileName for the user that owns it.");
            }

            return serialNumber;
        }

        if (callerDevices.Count == 0)
        {
            throw new MfaDeviceException(
                MfaDeviceException.NoMfaDevice,
                $"The caller '{callerName}' has no MFA device, so no MFA session can be made. Enroll one first: an " +
                "administrator runs New-IamVirtualMfaDevice and Enable-IamMfaDevice, or the user adds one in the " +
                "AWS console under Security credentials.");
        }

        var codeDevices = callerDevices.Where(d => !MfaSerialNumber.IsSecurityKey(d.SerialNumber)).ToList();
        if (codeDevices.Count == 0)
        {
            throw new MfaDeviceException(
                MfaDeviceException.NoCodeDevice,
                $"The caller '{callerName}' has only FIDO security keys, which give no code for command-line " +
                "sessions. Enroll a virtual or hardware MFA device as well.");
        }

        if (codeDevices.Count > 1)
        {
            throw new MfaDeviceException(
                MfaDeviceException.AmbiguousSerialNumber,
                $"The caller '{callerName}' has {codeDevices.Count} MFA devices: " +
                string.Join(", ", codeDevices.Select(d => d.SerialNumber)) +
                ". Name the one whose code you give with -SerialNumber.");
        }

        return codeDevices[0].SerialNumber;
    }

    private static MfaDeviceInfo? Find(IReadOnlyList<MfaDeviceInfo> devices, string serialNumber) =>
        devices.FirstOrDefault(d => string.Equals(d.SerialNumber, serialNumber, StringComparison.Ordinal));

    private static string Listing(string userName, IReadOnlyList<MfaDeviceInfo> devices) => devices.Count == 0
        ? $"'{userName}' has no MFA device."
        : $"'{userName}' has: {string.Join(", ", devices.Select(d => d.SerialNumber))}.";
}
