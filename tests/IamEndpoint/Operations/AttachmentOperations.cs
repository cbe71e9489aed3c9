using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// Attaching managed policies to users and groups:
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html and its siblings, and
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListEntitiesForPolicy.html.
/// </summary>
internal static class AttachmentOperations
{
    public static void Register(OperationTable table)
    {
        table.IamNoResult("AttachUserPolicy", c => Attach(c, User(c)));
        table.IamNoResult("AttachGroupPolicy", c => Attach(c, Group(c)));
        table.IamNoResult("DetachUserPolicy", c => Detach(c, User(c)));
        table.IamNoResult("DetachGroupPolicy", c => Detach(c, Group(c)));
        table.Iam("ListAttachedUserPolicies", c => ListAttached(c, User(c)));
        table.Iam("ListAttachedGroupPolicies", c => ListAttached(c, Group(c)));
        table.Iam("ListEntitiesForPolicy", ListEntitiesForPolicy);
    }

    /// <summary>A user or a group seen as what policies attach to.</summary>
    private sealed record Principal(
        string Kind,
        List<ManagedPolicy> Policies,
        Action<ManagedPolicy> Link,
        Action<ManagedPolicy> Unlink);

    private static Principal User(OperationContext context)
    {
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        return new Principal(
            "User", user.AttachedPolicies, p => p.AttachedUsers.Add(user), p => p.AttachedUsers.Remove(user));
    }

    private static Principal Group(OperationContext context)
    {
        IamGroup group = context.Account.RequireGroup(Rules.GroupName(context.Request.Required("GroupName")));
        return new Principal(
            "Group", group.AttachedPolicies, p => p.AttachedGroups.Add(group), p => p.AttachedGroups.Remove(group));
    }

    /// <summary>Attaching a policy that is already attached changes nothing, as in IAM.</summary>
    private static void Attach(OperationContext context, Principal principal)
    {
        string arn = Rules.PolicyArn(context.Request.Required("PolicyArn"));
        if (!context.Account.PoliciesByArn.TryGetValue(arn, out ManagedPolicy? policy))
        {
            throw Errors.NoSuchEntity($"Policy {arn} does not exist or is not attachable.");
        }

        if (principal.Policies.Contains(policy))
        {
            return;
        }

        if (principal.Policies.Count >= Rules.ManagedPoliciesPerEntity)
        {
            throw Errors.LimitExceeded(
                $"Cannot exceed quota for PoliciesPer{principal.Kind}: {Rules.ManagedPoliciesPerEntity}");
        }

        principal.Policies.Add(policy);
        principal.Link(policy);
    }

    private static void Detach(OperationContext context, Principal principal)
    {
        string arn = Rules.PolicyArn(context.Request.Required("PolicyArn"));
        ManagedPolicy policy = principal.Policies.Find(p => p.Arn == arn)
            ?? throw Errors.NoSuchEntity($"Policy {arn} was not found.");
        principal.Policies.Remove(policy);
        principal.Unlink(policy);
    }

    private static void ListAttached(OperationContext context, Principal principal)
    {
        string? prefix = Rules.PathPrefix(context.Request.Optional("PathPrefix"));
        Page<ManagedPolicy> policies = Paging.Take(
            principal.Policies
                .Where(p => prefix is null || p.Path.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(p => p.Key, StringComparer.Ordinal),
            p => p.Key,
            PageRequest.From(context.Request));

        Shapes.AttachedPolicies(context.Result, policies.Items);
        context.Result.PageEnd(policies);
    }

    /// <summary>Groups first, then users; roles never exist here, so PolicyRoles is always empty.</summary>
    private static void ListEntitiesForPolicy(OperationContext context)
    {
        QueryParameters request = context.Request;
        ManagedPolicy policy = context.Account.RequirePolicy(request.Required("PolicyArn"));
        string filter = request.Optional("EntityFilter") ?? "All";
        if (filter is not ("All" or "User" or "Group" or "Role" or "LocalManagedPolicy" or "AWSManagedPolicy"))
        {
            throw Errors.Constraint("EntityFilter", filter,
                "satisfy enum value set: [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]");
        }

        string? prefix = Rules.PathPrefix(request.Optional("PathPrefix"));
        bool Within(string path) => prefix is null || path.StartsWith(prefix, StringComparison.Ordinal);

        IEnumerable<(string Key, IamGroup? Group, IamUser? User)> groups = filter is "All" or "Group"
            ? policy.AttachedGroups.Where(g => Within(g.Path)).Select(g => ("g|" + g.Key, (IamGroup?)g, (IamUser?)null))
            : [];
        IEnumerable<(string Key, IamGroup? Group, IamUser? User)> users = filter is "All" or "User"
            ? policy.AttachedUsers.Where(u => Within(u.Path)).Select(u => ("u|" + u.Key, (IamGroup?)null, (IamUser?)u))
            : [];
        var page = Paging.Take(
            groups.Concat(users).OrderBy(e => e.Key, StringComparer.Ordinal), e => e.Key, PageRequest.From(request));

        XmlResult r = context.Result;
        r.List("PolicyGroups", page.Items.Where(e => e.Group is not null).Select(e => e.Group!), group =>
        {
            r.Value("GroupName", group.Name);
            r.Value("GroupId", group.Id);
        });
        r.List("PolicyUsers", page.Items.Where(e => e.User is not null).Select(e => e.User!), user =>
        {
            r.Value("UserName", user.Name);
            r.Value("UserId", user.Id);
        });
        r.List("PolicyRoles", Array.Empty<string>(), _ => { });
        r.PageEnd(page);
    }
}
