using System;

namespace MfaEnforcement.Core.Sessions;

/// <summary>
/// A session that cannot be saved where it was asked to go: <see cref="Reason"/> completes the command's ErrorId,
/// the message says what to do.
/// </summary>
public sealed class MfaSessionException : Exception
{
    /// <summary>The target profile holds a long-term access key that saving would overwrite.</summary>
    public const string ProfileHoldsLongTermKey = "ProfileHoldsLongTermKey";

    /// <summary>The credentials file or the cache could not be read or written.</summary>
    public const string StoreUnavailable = "StoreUnavailable";

    /// <summary>Creates the exception.</summary>
    public MfaSessionException(string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>What is wrong, one of this type's constants.</summary>
    public string Reason { get; }
}
