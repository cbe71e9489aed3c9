using System;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Sessions;

/// <summary>
/// An MFA session as a store remembers it: the credentials, the device whose code opened it and the source whose
/// long-term credentials asked for it (<see cref="SessionSource"/>).
/// </summary>
public sealed class StoredSession
{
    /// <summary>Creates the record.</summary>
    public StoredSession(string source, string serialNumber, SessionCredentials credentials)
    {
        Source = source;
        SerialNumber = serialNumber;
        Credentials = credentials;
    }

    /// <summary>The source, as <see cref="SessionSource.Describe"/> names it.</summary>
    public string Source { get; }

    /// <summary>The MFA device's serial number.</summary>
    public string SerialNumber { get; }

    /// <summary>The temporary credentials.</summary>
    public SessionCredentials Credentials { get; }

    /// <summary>When the credentials expire (UTC).</summary>
    public DateTime Expiration => Credentials.Expiration;

    /// <summary>Names the session without its secrets.</summary>
    public override string ToString() =>
        $"{Credentials.AccessKeyId} for '{SerialNumber}' from {Source}, until {Expiration:u}";
}
