using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// The XML shapes several actions share, with the element names of the IAM API reference's data types:
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_Types.html
/// </summary>
internal static class Shapes
{
    public static void User(XmlResult r, IamUser user, bool withTags = false)
    {
        r.Value("Path", user.Path);
        r.Value("UserName", user.Name);
        r.Value("UserId", user.Id);
        r.Value("Arn", user.Arn);
        r.Value("CreateDate", user.CreateDate);
        r.Value("PasswordLastUsed", user.PasswordLastUsed);
        if (withTags && user.Tags.Count > 0)
        {
            Tags(r, user.Tags);
        }
    }

    /// <summary>The root user as GetUser and ListVirtualMFADevices show it: no name or path.</summary>
    public static void RootUser(XmlResult r, AccountState account)
    {
        r.Value("UserId", account.AccountId);
        r.Value("Arn", account.RootArn);
        r.Value("CreateDate", account.CreateDate);
        r.Value("PasswordLastUsed", account.Root.PasswordLastUsed);
    }

    public static void Group(XmlResult r, IamGroup group)
    {
        r.Value("Path", group.Path);
        r.Value("GroupName", group.Name);
        r.Value("GroupId", group.Id);
        r.Value("Arn", group.Arn);
        r.Value("CreateDate", group.CreateDate);
    }

    public static void Tags(XmlResult r, IEnumerable<Tag> tags) =>
        r.List("Tags", tags, tag =>
        {
            r.Value("Key", tag.Key);
            r.Value("Value", tag.Value);
        });

    /// <summary>
    /// A managed policy's fields: GetPolicy and CreatePolicy include the description and tags, ListPolicies
    /// neither, GetAccountAuthorizationDetails the description only.
    /// </summary>
    public static void Policy(XmlResult r, ManagedPolicy policy, bool withDescription, bool withTags)
    {
        r.Value("PolicyName", policy.Name);
        r.Value("PolicyId", policy.Id);
        r.Value("Arn", policy.Arn);
        r.Value("Path", policy.Path);
        r.Value("DefaultVersionId", policy.DefaultVersionId);
        r.Value("AttachmentCount", policy.AttachmentCount);
        r.Value("PermissionsBoundaryUsageCount", 0);
        r.Value("IsAttachable", true);
        if (withDescription)
        {
            r.Value("Description", policy.Description);
        }

        r.Value("CreateDate", policy.CreateDate);
        r.Value("UpdateDate", policy.UpdateDate);
        if (withTags && policy.Tags.Count > 0)
        {
            Tags(r, policy.Tags);
        }
    }

    public static void AttachedPolicies(XmlResult r, IEnumerable<ManagedPolicy> policies) =>
        r.List("AttachedPolicies", policies, policy => AttachedPolicy(r, policy));

    public static void AttachedPolicy(XmlResult r, ManagedPolicy policy)
    {
        r.Value("PolicyName", policy.Name);
        r.Value("PolicyArn", policy.Arn);
    }

    public static void PolicyVersion(XmlResult r, ManagedPolicy policy, PolicyVersion version, bool withDocument)
    {
        if (withDocument)
        {
            r.Value("Document", PolicyDocuments.Encode(version.Document));
        }

        r.Value("VersionId", version.Id);
        r.Value("IsDefaultVersion", version.Id == policy.DefaultVersionId);
        r.Value("CreateDate", version.CreateDate);
    }

    /// <summary>Inline policies as GetAccountAuthorizationDetails lists them (PolicyDetail).</summary>
    public static void InlinePolicies(XmlResult r, string name, IEnumerable<KeyValuePair<string, string>> policies) =>
        r.List(name, policies, policy =>
        {
            r.Value("PolicyName", policy.Key);
            r.Value("PolicyDocument", PolicyDocuments.Encode(policy.Value));
        });

    /// <summary>Tags.member.N.Key / Value of a request.</summary>
    public static List<Tag> ReadTags(QueryParameters request) =>
        [.. request.StructureList("Tags").Select(t => Rules.Tag(t.Required("Key"), t.Optional("Value") ?? ""))];
}
