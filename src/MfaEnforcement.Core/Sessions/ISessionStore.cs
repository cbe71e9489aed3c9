using System;

namespace MfaEnforcement.Core.Sessions;

/// <summary>Where sessions are remembered between commands: a profile of the credentials file, or the cache.</summary>
public interface ISessionStore
{
    /// <summary>Where the store is, for messages.</summary>
    string Description { get; }

    /// <summary>
    /// The remembered session of the source for the device (any device of that source when null), the one that
    /// expires last; null when there is none. Expired sessions are returned too: the decision is
    /// <see cref="SessionReuse"/>'s.
    /// </summary>
    StoredSession? Find(string source, string? serialNumber);

    /// <summary>Throws <see cref="MfaSessionException"/> when a session could not be saved here.</summary>
    void CheckCanSave();

    /// <summary>Remembers the session.</summary>
    void Save(StoredSession session, DateTime utcNow);
}
