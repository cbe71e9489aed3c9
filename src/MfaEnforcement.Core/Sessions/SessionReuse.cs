using System;

namespace MfaEnforcement.Core.Sessions;

/// <summary>Whether a remembered session is used again, and why, for <c>-Verbose</c>.</summary>
public sealed record SessionReuseDecision(bool Reuse, string Reason);

/// <summary>
/// Decides whether a remembered session serves instead of a new one, as aws-mfa does: it must come from the same
/// source and device and stay valid for more than <see cref="MinimumRemaining"/>, so a script that starts now does
/// not fail halfway; <c>-Force</c> always asks for a new one.
/// </summary>
public static class SessionReuse
{
    /// <summary>The validity a session must still have to be reused.</summary>
    public static readonly TimeSpan MinimumRemaining = TimeSpan.FromMinutes(15);

    /// <summary>The decision for a session found in a store (or none) at <paramref name="utcNow"/>.</summary>
    public static SessionReuseDecision Decide(
        StoredSession? stored, string source, string? serialNumber, DateTime utcNow, bool force)
    {
        if (force)
        {
            return new SessionReuseDecision(false, "-Force asks for a new session");
        }

        if (stored is null)
        {
            return new SessionReuseDecision(false, "no session is remembered for this source and device");
        }

        if (!string.Equals(stored.Source, source, StringComparison.Ordinal))
        {
            return new SessionReuseDecision(
                false, $"the remembered session came from {stored.Source}, not from {source}");
        }

        if (serialNumber is not null && !string.Equals(stored.SerialNumber, serialNumber, StringComparison.Ordinal))
        {
            return new SessionReuseDecision(
                false, $"the remembered session used the device '{stored.SerialNumber}', not '{serialNumber}'");
        }

        var remaining = stored.Expiration - utcNow;
        if (remaining <= MinimumRemaining)
        {
            return new SessionReuseDecision(
                false,
                remaining <= TimeSpan.Zero
                    ? $"the remembered session expired at {stored.Expiration:u}"
                    : $"the remembered session expires at {stored.Expiration:u}, in {(int)remaining.TotalMinutes} " +
                      $"minutes, within {(int)MinimumRemaining.TotalMinutes}");
        }

        return new SessionReuseDecision(
            true, $"the remembered session {stored.Credentials.AccessKeyId} is valid until {stored.Expiration:u}");
    }
}
