using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// Inline policies of users and groups: https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html
/// and its siblings. Their quota is per entity, all inline documents together, white space not counted:
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length
/// </summary>
internal static class InlinePolicyOperations
{
    public static void Register(OperationTable table)
    {
        table.IamNoResult("PutUserPolicy", c => Put(c, User(c)));
        table.IamNoResult("PutGroupPolicy", c => Put(c, Group(c)));
        table.Iam("GetUserPolicy", c => Get(c, User(c)));
        table.Iam("GetGroupPolicy", c => Get(c, Group(c)));
        table.Iam("ListUserPolicies", c => List(c, User(c)));
        table.Iam("ListGroupPolicies", c => List(c, Group(c)));
        table.IamNoResult("DeleteUserPolicy", c => Delete(c, User(c)));
        table.IamNoResult("DeleteGroupPolicy", c => Delete(c, Group(c)));
    }

    /// <summary>A user or group as the owner of inline policies.</summary>
    private sealed record Owner(string Kind, string Name, SortedDictionary<string, string> Policies, int SizeQuota);

    private static Owner User(OperationContext context)
    {
        IamUser user = context.Account.RequireUser(Rules.UserName(context.Request.Required("UserName")));
        return new Owner("user", user.Name, user.InlinePolicies, Rules.UserInlinePolicySize);
    }

    private static Owner Group(OperationContext context)
    {
        IamGroup group = context.Account.RequireGroup(Rules.GroupName(context.Request.Required("GroupName")));
        return new Owner("group", group.Name, group.InlinePolicies, Rules.GroupInlinePolicySize);
    }

    private static void Put(OperationContext context, Owner owner)
    {
        string name = Rules.PolicyName(context.Request.Required("PolicyName"));
        string document = context.Request.Required("PolicyDocument");
        PolicyDocuments.Validate(document);

        int size = PolicyDocuments.Size(document) + owner.Policies
            .Where(p => !string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            .Sum(p => PolicyDocuments.Size(p.Value));
        if (size > owner.SizeQuota)
        {
            throw Errors.LimitExceeded(
                $"Maximum policy size of {owner.SizeQuota} bytes exceeded for {owner.Kind} {owner.Name}");
        }

        owner.Policies.Remove(name);
        owner.Policies[name] = document;
    }

    private static void Get(OperationContext context, Owner owner)
    {
        (string name, string document) = Require(context, owner);
        XmlResult r = context.Result;
        r.Value(owner.Kind == "user" ? "UserName" : "GroupName", owner.Name);
        r.Value("PolicyName", name);
        r.Value("PolicyDocument", PolicyDocuments.Encode(document));
    }

    private static void List(OperationContext context, Owner owner)
    {
        Page<string> names = Paging.Take(
            owner.Policies.Keys.OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal),
            n => n.ToLowerInvariant(),
            PageRequest.From(context.Request));

        context.Result.StringList("PolicyNames", names.Items);
        context.Result.PageEnd(names);
    }

    private static void Delete(OperationContext context, Owner owner)
    {
        (string name, _) = Require(context, owner);
        owner.Policies.Remove(name);
    }

    private static (string Name, string Document) Require(OperationContext context, Owner owner)
    {
        string name = Rules.PolicyName(context.Request.Required("PolicyName"));
        foreach ((string existing, string document) in owner.Policies)
        {
            if (string.Equals(existing, name, StringComparison.OrdinalIgnoreCase))
            {
                return (existing, document);
            }
        }

        throw Errors.NoSuchEntity($"The {owner.Kind} policy with name {name} cannot be found.");
    }
}
