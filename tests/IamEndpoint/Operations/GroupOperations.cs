using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// Groups and membership: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetGroup.html and the pages of
/// ListGroups, CreateGroup, DeleteGroup, ListGroupsForUser, AddUserToGroup, RemoveUserFromGroup.
/// </summary>
internal static class GroupOperations
{
    public static void Register(OperationTable table)
    {
        table.Iam("ListGroups", ListGroups);
        table.Iam("GetGroup", GetGroup);
        table.Iam("CreateGroup", CreateGroup);
        table.IamNoResult("DeleteGroup", DeleteGroup);
        table.Iam("ListGroupsForUser", ListGroupsForUser);
        table.IamNoResult("AddUserToGroup", AddUserToGroup);
        table.IamNoResult("RemoveUserFromGroup", RemoveUserFromGroup);
    }

    private static void ListGroups(OperationContext context)
    {
        string? prefix = Rules.PathPrefix(context.Request.Optional("PathPrefix"));
        var page = PageRequest.From(context.Request);
        Page<IamGroup> groups = Paging.Take(
            context.Account.Groups.From(page.StartKey)
                .Where(g => prefix is null || g.Path.StartsWith(prefix, StringComparison.Ordinal)),
            g => g.Key,
            page);

        context.Result.List("Groups", groups.Items, group => Shapes.Group(context.Result, group));
        context.Result.PageEnd(groups);
    }

    private static void GetGroup(OperationContext context)
    {
        IamGroup group = context.Account.RequireGroup(Rules.GroupName(context.Request.Required("GroupName")));
        Page<IamUser> members = Paging.Take(group.Members.Values, u => u.Key, PageRequest.From(context.Request));

        context.Result.Structure("Group", () => Shapes.Group(context.Result, group));
        context.Result.List("Users", members.Items, user => Shapes.User(context.Result, user));
        context.Result.PageEnd(members);
    }

    private static void CreateGroup(OperationContext context)
    {
        AccountState account = context.Account;
        string name = Rules.GroupName(context.Request.Required("GroupName"));
        string path = Rules.Path(context.Request.Optional("Path"));
        if (account.Groups.Contains(AccountState.NameKey(name)))
        {
            throw Errors.EntityAlreadyExists($"Group with name {name} already exists.");
        }

        if (account.Groups.Count >= Rules.GroupsPerAccount)
        {
            throw Errors.LimitExceeded($"Cannot exceed quota for GroupsPerAccount: {Rules.GroupsPerAccount}");
        }

        var group = new IamGroup
        {
            Name = name,
            Path = path,
            Id = account.Ids.NewId("AGPA"),
            Arn = account.GroupArn(path, name),
            CreateDate = context.Now,
        };
        account.Groups.Add(group);
        context.Result.Structure("Group", () => Shapes.Group(context.Result, group));
    }

    private static void DeleteGroup(OperationContext context)
    {
        IamGroup group = context.Account.RequireGroup(Rules.GroupName(context.Request.Required("GroupName")));
        string? blocker =
            group.Members.Count > 0 ? "must remove users from group first" :
            group.InlinePolicies.Count > 0 ? "must delete policies first" :
            group.AttachedPolicies.Count > 0 ? "must detach all policies first" :
            null;
        if (blocker is not null)
        {
            throw Errors.DeleteConflict($"Cannot delete entity, {blocker}.");
        }

        context.Account.Groups.Remove(group);
    }

    private static void ListGroupsForUser(OperationContext context)
    {
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        Page<IamGroup> groups = Paging.Take(
            user.Groups.OrderBy(g => g.Key, StringComparer.Ordinal),
            g => g.Key,
            PageRequest.From(context.Request));

        context.Result.List("Groups", groups.Items, group => Shapes.Group(context.Result, group));
        context.Result.PageEnd(groups);
    }

    /// <summary>Adding a member twice changes nothing, as in IAM.</summary>
    private static void AddUserToGroup(OperationContext context)
    {
        IamGroup group = context.Account.RequireGroup(Rules.GroupName(context.Request.Required("GroupName")));
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        if (group.Members.ContainsKey(user.Key))
        {
            return;
        }

        if (user.Groups.Count >= Rules.GroupsPerUser)
        {
            throw Errors.LimitExceeded($"Cannot exceed quota for GroupsPerUser: {Rules.GroupsPerUser}");
        }

        group.Members.Add(user.Key, user);
        user.Groups.Add(group);
    }

    private static void RemoveUserFromGroup(OperationContext context)
    {
        IamGroup group = context.Account.RequireGroup(Rules.GroupName(context.Request.Required("GroupName")));
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        if (!group.Members.Remove(user.Key))
        {
            throw Errors.NoSuchEntity($"User {user.Name} is not in group {group.Name}.");
        }

        user.Groups.Remove(group);
    }
}
