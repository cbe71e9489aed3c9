using System;

namespace MfaEnforcement.Core.Devices;

/// <summary>
/// Input about MFA devices that IAM would refuse or that concerns another user: <see cref="Reason"/> completes
/// the command's ErrorId (<c>ResetIamMfaDeviceSerialNumberNotOwned</c>), the message says what to do.
/// </summary>
public sealed class MfaDeviceException : Exception
{
    /// <summary>The serial number belongs to another user or to no user.</summary>
    public const string SerialNumberNotOwned = "SerialNumberNotOwned";

    /// <summary>The user has no MFA device.</summary>
    public const string NoMfaDevice = "NoMfaDevice";

    /// <summary>The user has several devices that could answer, and none was named.</summary>
    public const string AmbiguousSerialNumber = "AmbiguousSerialNumber";

    /// <summary>The user's only devices are FIDO security keys, which give no codes.</summary>
    public const string NoCodeDevice = "NoCodeDevice";

    /// <summary>Creates the exception.</summary>
    public MfaDeviceException(string reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>What is wrong, one of this type's constants.</summary>
    public string Reason { get; }
}
