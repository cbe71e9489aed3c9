using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// Users and their tags: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html and the
/// pages of GetUser, CreateUser, DeleteUser, TagUser, UntagUser, ListUserTags.
/// </summary>
internal static class UserOperations
{
    public static void Register(OperationTable table)
    {
        table.Iam("ListUsers", ListUsers);
        table.Iam("GetUser", GetUser);
        table.Iam("CreateUser", CreateUser);
        table.IamNoResult("DeleteUser", DeleteUser);
        table.IamNoResult("TagUser", TagUser);
        table.IamNoResult("UntagUser", UntagUser);
        table.Iam("ListUserTags", ListUserTags);
    }

    private static void ListUsers(OperationContext context)
    {
        string? prefix = Rules.PathPrefix(context.Request.Optional("PathPrefix"));
        var page = PageRequest.From(context.Request);
        Page<IamUser> users = Paging.Take(
            context.Account.Users.From(page.StartKey)
                .Where(u => prefix is null || u.Path.StartsWith(prefix, StringComparison.Ordinal)),
            u => u.Key,
            page);

        context.Result.List("Users", users.Items, user => Shapes.User(context.Result, user));
        context.Result.PageEnd(users);
    }

    private static void GetUser(OperationContext context)
    {
        string? name = context.Request.Optional("UserName");
        if (name is null && context.Caller.IsRoot)
        {
            context.Result.Structure("User", () => Shapes.RootUser(context.Result, context.Account));
            return;
        }

        IamUser user = CallerDefaults.UserOrCaller(context);
        context.Result.Structure("User", () => Shapes.User(context.Result, user, withTags: true));
    }

    private static void CreateUser(OperationContext context)
    {
        AccountState account = context.Account;
        string name = Rules.UserName(context.Request.Required("UserName"));
        string path = Rules.Path(context.Request.Optional("Path"));
        List<Tag> tags = Shapes.ReadTags(context.Request);
        if (context.Request.Optional("PermissionsBoundary") is not null)
        {
            throw Errors.InvalidInput("Permissions boundaries are not supported by this endpoint.");
        }

        if (account.Users.Contains(AccountState.NameKey(name)))
        {
            throw Errors.EntityAlreadyExists($"User with name {name} already exists.");
        }

        if (account.Users.Count >= Rules.UsersPerAccount)
        {
            throw Errors.LimitExceeded($"Cannot exceed quota for UsersPerAccount: {Rules.UsersPerAccount}");
        }

        var user = new IamUser
        {
            Name = name,
            Path = path,
            Id = account.Ids.NewId("AIDA"),
            Arn = account.UserArn(path, name),
            CreateDate = context.Now,
        };
        Rules.MergeTags(user.Tags, tags);
        account.Users.Add(user);
        context.Result.Structure("User", () => Shapes.User(context.Result, user, withTags: true));
    }

    /// <summary>IAM refuses to delete a user that still has credentials, devices, policies or groups.</summary>
    private static void DeleteUser(OperationContext context)
    {
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        string? blocker =
            user.LoginProfile is not null ? "must delete login profile first" :
            user.AccessKeys.Count > 0 ? "must delete access keys first" :
            user.MfaDevices.Count > 0 ? "must delete MFA device first" :
            user.InlinePolicies.Count > 0 ? "must delete policies first" :
            user.AttachedPolicies.Count > 0 ? "must detach all policies first" :
            user.Groups.Count > 0 ? "must remove user from all groups first" :
            null;
        if (blocker is not null)
        {
            throw Errors.DeleteConflict($"Cannot delete entity, {blocker}.");
        }

        context.Account.Users.Remove(user);
        foreach (SessionCredentials session in context.Account.Sessions.Values.Where(s => s.User == user).ToList())
        {
            context.Account.Sessions.Remove(session.AccessKeyId);
        }
    }

    private static void TagUser(OperationContext context)
    {
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        List<Tag> tags = Shapes.ReadTags(context.Request);
        if (tags.Count == 0)
        {
            throw Errors.Constraint("Tags", null, "not be null");
        }

        var merged = new List<Tag>(user.Tags);
        Rules.MergeTags(merged, tags);
        user.Tags.Clear();
        user.Tags.AddRange(merged);
    }

    private static void UntagUser(OperationContext context)
    {
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        IReadOnlyList<string> keys = context.Request.List("TagKeys");
        if (keys.Count == 0)
        {
            throw Errors.Constraint("TagKeys", null, "not be null");
        }

        user.Tags.RemoveAll(tag => keys.Contains(tag.Key, StringComparer.OrdinalIgnoreCase));
    }

    private static void ListUserTags(OperationContext context)
    {
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        Page<Tag> tags = Paging.Take(
            user.Tags.OrderBy(t => t.Key.ToLowerInvariant(), StringComparer.Ordinal),
            t => t.Key.ToLowerInvariant(),
            PageRequest.From(context.Request));

        Shapes.Tags(context.Result, tags.Items);
        context.Result.PageEnd(tags);
    }
}
