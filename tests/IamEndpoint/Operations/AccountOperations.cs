using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// Account-wide views: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html and
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html.
/// </summary>
internal static class AccountOperations
{
    private static readonly string[] s_entityTypes =
        ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"];

    public static void Register(OperationTable table)
    {
        table.Iam("GetAccountSummary", GetAccountSummary);
        table.Iam("GetAccountAuthorizationDetails", GetAccountAuthorizationDetails);
    }

    private static void GetAccountSummary(OperationContext context)
    {
        AccountState account = context.Account;
        List<IamUser> users = [.. account.Users.From(null)];
        List<ManagedPolicy> local = [.. account.Policies.From(null).Where(p => !p.IsAwsManaged)];
        int assignedDevices = account.MfaDevices.From(null).Count(d => d.IsAssigned);

        var summary = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["AccessKeysPerUserQuota"] = Rules.AccessKeysPerUser,
            ["AccountAccessKeysPresent"] = account.Root.AccessKeys.Count > 0 ? 1 : 0,
            ["AccountMFAEnabled"] = account.Root.MfaDevices.Count > 0 ? 1 : 0,
            ["AccountPasswordPresent"] = 1,
            ["AccountSigningCertificatesPresent"] = 0,
            ["AssumeRolePolicySizeQuota"] = 2048,
            ["AttachedPoliciesPerGroupQuota"] = Rules.ManagedPoliciesPerEntity,
            ["AttachedPoliciesPerRoleQuota"] = Rules.ManagedPoliciesPerEntity,
            ["AttachedPoliciesPerUserQuota"] = Rules.ManagedPoliciesPerEntity,
            ["GlobalEndpointTokenVersion"] = 1,
            ["GroupPolicySizeQuota"] = Rules.GroupInlinePolicySize,
            ["Groups"] = account.Groups.Count,
            ["GroupsPerUserQuota"] = Rules.GroupsPerUser,
            ["GroupsQuota"] = Rules.GroupsPerAccount,
            ["InstanceProfiles"] = 0,
            ["InstanceProfilesQuota"] = 1000,
            ["MFADevices"] = account.MfaDevices.Count,
            ["MFADevicesInUse"] = assignedDevices,
            ["Policies"] = local.Count,
            ["PoliciesQuota"] = Rules.PoliciesPerAccount,
            ["PolicySizeQuota"] = Rules.ManagedPolicySize,
            ["PolicyVersionsInUse"] = local.Sum(p => p.AttachmentCount),
            ["PolicyVersionsInUseQuota"] = 10000,
            ["Providers"] = 0,
            ["RolePolicySizeQuota"] = 10240,
            ["Roles"] = 0,
            ["RolesQuota"] = 1000,
            ["ServerCertificates"] = 0,
            ["ServerCertificatesQuota"] = 20,
            ["SigningCertificatesPerUserQuota"] = 2,
            ["UserPolicySizeQuota"] = Rules.UserInlinePolicySize,
            ["Users"] = users.Count,
            ["UsersQuota"] = Rules.UsersPerAccount,
            ["VersionsPerPolicyQuota"] = Rules.VersionsPerPolicy,
        };
        context.Result.Map("SummaryMap", summary);
    }

    /// <summary>
    /// Users, then groups, then managed policies (every local one, and the AWS-managed ones that are attached, as
    /// IAM returns them). A page ends where one kind of entity ends, so a page may be shorter than MaxItems while
    /// more remain, which IAM also allows.
    /// </summary>
    private static void GetAccountAuthorizationDetails(OperationContext context)
    {
        IReadOnlyList<string> filters = context.Request.List("Filter");
        foreach (string filter in filters)
        {
            if (!s_entityTypes.Contains(filter))
            {
                throw Errors.Constraint("Filter", filter,
                    "satisfy enum value set: [User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]");
            }
        }

        var page = PageRequest.From(context.Request);
        var items = new List<object>();
        string? section = null;
        string? next = null;
        foreach ((string key, object item) in Entries(context.Account, filters, page.StartKey))
        {
            string itemSection = key[..1];
            if (items.Count == page.MaxItems || (section is not null && section != itemSection))
            {
                next = PageRequest.EncodeMarker(key);
                break;
            }

            section = itemSection;
            items.Add(item);
        }

        XmlResult r = context.Result;
        r.List("UserDetailList", items.OfType<IamUser>(), user => AuthorizationShapes.UserDetail(r, user));
        r.List("GroupDetailList", items.OfType<IamGroup>(), group => AuthorizationShapes.GroupDetail(r, group));
        r.List("RoleDetailList", Array.Empty<string>(), _ => { });
        r.List("Policies", items.OfType<ManagedPolicy>(), policy => AuthorizationShapes.PolicyDetail(r, policy));
        r.PageEnd(new Page<object>(items, next));
    }

    /// <summary>
    /// Every entity the filters want, in marker order: a one-character section ("1" users, "2" groups,
    /// "3" policies), a bar, then the entity's own sort key.
    /// </summary>
    private static IEnumerable<(string Key, object Item)> Entries(
        AccountState account, IReadOnlyList<string> filters, string? startKey)
    {
        bool Wanted(string type) => filters.Count == 0 || filters.Contains(type);
        string start = startKey ?? "";
        string startSection = start.Length > 0 ? start[..1] : "1";
        string? From(string section) =>
            section == startSection && start.Length > 2 ? start[2..] : null;
        bool Reached(string section) => string.CompareOrdinal(section, startSection) >= 0;

        if (Wanted("User") && Reached("1"))
        {
            foreach (IamUser user in account.Users.From(From("1")))
            {
                yield return ("1|" + user.Key, user);
            }
        }

        if (Wanted("Group") && Reached("2"))
        {
            foreach (IamGroup group in account.Groups.From(From("2")))
            {
                yield return ("2|" + group.Key, group);
            }
        }

        bool wantLocal = Wanted("LocalManagedPolicy");
        bool wantAws = Wanted("AWSManagedPolicy");
        if ((wantLocal || wantAws) && Reached("3"))
        {
            foreach (ManagedPolicy policy in account.Policies.From(From("3")))
            {
                if (policy.IsAwsManaged ? wantAws && policy.AttachmentCount > 0 : wantLocal)
                {
                    yield return ("3|" + policy.Key, policy);
                }
            }
        }
    }
}
