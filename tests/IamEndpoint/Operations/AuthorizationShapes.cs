using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// The detail shapes of GetAccountAuthorizationDetails:
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UserDetail.html, API_GroupDetail.html,
/// API_ManagedPolicyDetail.html.
/// </summary>
internal static class AuthorizationShapes
{
    public static void UserDetail(XmlResult r, IamUser user)
    {
        r.Value("Path", user.Path);
        r.Value("UserName", user.Name);
        r.Value("UserId", user.Id);
        r.Value("Arn", user.Arn);
        r.Value("CreateDate", user.CreateDate);
        Shapes.InlinePolicies(r, "UserPolicyList", user.InlinePolicies);
        r.StringList("GroupList", user.Groups.Select(g => g.Name));
        r.List("AttachedManagedPolicies", user.AttachedPolicies, policy => Shapes.AttachedPolicy(r, policy));
        Shapes.Tags(r, user.Tags);
    }

    public static void GroupDetail(XmlResult r, IamGroup group)
    {
        Shapes.Group(r, group);
        Shapes.InlinePolicies(r, "GroupPolicyList", group.InlinePolicies);
        r.List("AttachedManagedPolicies", group.AttachedPolicies, policy => Shapes.AttachedPolicy(r, policy));
    }

    public static void PolicyDetail(XmlResult r, ManagedPolicy policy)
    {
        Shapes.Policy(r, policy, withDescription: true, withTags: false);
        r.List("PolicyVersionList", policy.Versions, version => Shapes.PolicyVersion(r, policy, version, true));
    }
}
