using System;
using System.Security;
using MfaEnforcement.Core.Devices;
using MfaEnforcement.Core.Sessions;

namespace MfaEnforcement;

/// <summary>
/// MFA session credentials as <c>New-MfaSession</c> emits them: temporary credentials from STS GetSessionToken for
/// which <c>aws:MultiFactorAuthPresent</c> is true. The secret and the token are SecureStrings, so that showing the
/// object or a transcript never reveals them; <c>ConvertFrom-SecureString -AsPlainText</c> reads them.
/// </summary>
public sealed class MfaSession
{
    /// <summary>Copies a session; <paramref name="profileName"/> is the profile it was saved to, if any.</summary>
    public MfaSession(StoredSession session, bool reused, string? profileName)
    {
        if (session is null)
        {
            throw new ArgumentNullException(nameof(session));
        }

        AccessKeyId = session.Credentials.AccessKeyId;
        SecretAccessKey = Secrets.Protect(session.Credentials.SecretAccessKey);
        SessionToken = Secrets.Protect(session.Credentials.SessionToken);
        Expiration = session.Expiration;
        SerialNumber = session.SerialNumber;
        Source = session.Source;
        Reused = reused;
        ProfileName = profileName;
    }

    /// <summary>The temporary access key id (ASIA...).</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key.</summary>
    public SecureString SecretAccessKey { get; }

    /// <summary>The session token.</summary>
    public SecureString SessionToken { get; }

    /// <summary>When the credentials expire (UTC).</summary>
    public DateTime Expiration { get; }

    /// <summary>The MFA device whose code opened the session.</summary>
    public string SerialNumber { get; }

    /// <summary>The long-term credentials' source: <c>profile:NAME</c>, <c>key:AKIA...</c> or default.</summary>
    public string Source { get; }

    /// <summary>True when a remembered session was returned instead of a new one.</summary>
    public bool Reused { get; }

    /// <summary>The profile of the shared credentials file the session was saved to, or null.</summary>
    public string? ProfileName { get; }

    /// <inheritdoc />
    public override string ToString() => AccessKeyId;
}
