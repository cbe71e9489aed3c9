using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>Actions whose UserName is optional act on the caller when it is left out.</summary>
internal static class CallerDefaults
{
    /// <summary>The named user, or the calling user; the root user must name one, as in IAM.</summary>
    public static IamUser UserOrCaller(OperationContext context)
    {
        string? name = context.Request.Optional("UserName");
        if (name is not null)
        {
            return context.Account.RequireUser(Rules.UserName(name));
        }

        return context.Caller.User
            ?? throw Errors.ValidationError("Must specify userName when calling with non-User credentials");
    }

    /// <summary>The named user, or null for a root caller that names none (root's own devices and keys).</summary>
    public static IamUser? UserOrRoot(OperationContext context)
    {
        string? name = context.Request.Optional("UserName");
        return name is not null ? context.Account.RequireUser(Rules.UserName(name)) : context.Caller.User;
    }
}
