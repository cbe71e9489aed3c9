namespace MfaEnforcement.Core.Sessions;

/// <summary>
/// Names where the long-term credentials that ask for a session come from, so a session is reused only for the
/// same source and device: a profile, an explicit access key, or the SDK's default chain.
/// </summary>
public static class SessionSource
{
    /// <summary>The default chain: environment variables, <c>AWS_PROFILE</c>, the default profile.</summary>
    public const string DefaultChain = "default";

    /// <summary>The source's name: <c>profile:NAME</c>, <c>key:AKIA...</c> or <see cref="DefaultChain"/>.</summary>
    public static string Describe(string? profileName, string? accessKeyId)
    {
        if (!string.IsNullOrEmpty(profileName))
        {
            return "profile:" + profileName;
        }

        return string.IsNullOrEmpty(accessKeyId) ? DefaultChain : "key:" + accessKeyId;
    }
}
