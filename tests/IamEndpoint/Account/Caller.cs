namespace IamEndpoint.Account;

/// <summary>Who signed a request: an IAM user or the root user, and whether the session used MFA.</summary>
internal sealed record Caller(IamUser? User, string AccessKeyId, bool MfaPresent, SessionCredentials? Session)
{
    public bool IsRoot => User is null;
}

/// <summary>Finds who signed a request from the access key id in its Authorization header.</summary>
internal static class CallerResolver
{
    /// <summary>
    /// A seeded or created user's key acts as that user; a GetSessionToken key as its user with the MFA it was
    /// issued with; any other key as the seed's default caller.
    /// </summary>
    public static Caller Resolve(AccountState account, string accessKeyId, string? securityToken, DateTime now)
    {
        if (account.AccessKeys.TryGetValue(accessKeyId, out (IamUser? User, AccessKey Key) owned))
        {
            return owned.Key.Status == "Active"
                ? new Caller(owned.User, accessKeyId, false, null)
                : throw Protocol.Errors.InvalidClientTokenId();
        }

        if (account.Sessions.TryGetValue(accessKeyId, out SessionCredentials? session))
        {
            if (securityToken != session.Token)
            {
                throw Protocol.Errors.InvalidClientTokenId();
            }

            if (session.Expiration <= now)
            {
                throw Protocol.Errors.ExpiredToken();
            }

            return session.User is null || account.Users.Contains(session.User.Key)
                ? new Caller(session.User, accessKeyId, session.MfaPresent, session)
                : throw Protocol.Errors.InvalidClientTokenId();
        }

        if (account.DefaultCallerName is not { } name)
        {
            return new Caller(null, accessKeyId, false, null);
        }

        return account.Users.TryGet(AccountState.NameKey(name), out IamUser user)
            ? new Caller(user, accessKeyId, false, null)
            : throw Protocol.Errors.InvalidClientTokenId();
    }
}
