using System.Globalization;
using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// Managed policies and their versions: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html,
/// API_GetPolicy.html, API_DeletePolicy.html, API_ListPolicies.html, and the PolicyVersion actions.
/// </summary>
internal static class ManagedPolicyOperations
{
    public static void Register(OperationTable table)
    {
        table.Iam("CreatePolicy", CreatePolicy);
        table.Iam("GetPolicy", GetPolicy);
        table.IamNoResult("DeletePolicy", DeletePolicy);
        table.Iam("ListPolicies", ListPolicies);
        table.Iam("GetPolicyVersion", GetPolicyVersion);
        table.Iam("ListPolicyVersions", ListPolicyVersions);
        table.Iam("CreatePolicyVersion", CreatePolicyVersion);
        table.IamNoResult("DeletePolicyVersion", DeletePolicyVersion);
        table.IamNoResult("SetDefaultPolicyVersion", SetDefaultPolicyVersion);
    }

    /// <summary>
    /// A managed policy document may hold 6,144 characters, white space not counted:
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length
    /// </summary>
    public static string CheckedManagedDocument(QueryParameters request)
    {
        string document = request.Required("PolicyDocument");
        PolicyDocuments.Validate(document);
        if (PolicyDocuments.Size(document) > Rules.ManagedPolicySize)
        {
            throw Errors.LimitExceeded($"Cannot exceed quota for PolicySize: {Rules.ManagedPolicySize}");
        }

        return document;
    }

    private static void CreatePolicy(OperationContext context)
    {
        AccountState account = context.Account;
        string name = Rules.PolicyName(context.Request.Required("PolicyName"));
        string path = Rules.Path(context.Request.Optional("Path"));
        string? description = context.Request.Optional("Description");
        if (description?.Length > 1000)
        {
            throw Errors.Constraint("Description", description, "have length less than or equal to 1000");
        }

        List<Tag> tags = Shapes.ReadTags(context.Request);
        string document = CheckedManagedDocument(context.Request);
        if (account.Policies.From(null).Any(p =>
                !p.IsAwsManaged && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw Errors.EntityAlreadyExists(
                $"A policy called {name} already exists. Duplicate names are not allowed.");
        }

        if (account.Policies.From(null).Count(p => !p.IsAwsManaged) >= Rules.PoliciesPerAccount)
        {
            throw Errors.LimitExceeded($"Cannot exceed quota for PoliciesPerAccount: {Rules.PoliciesPerAccount}");
        }

        var policy = new ManagedPolicy
        {
            Name = name,
            Path = path,
            Id = account.Ids.NewId("ANPA"),
            Arn = account.LocalPolicyArn(path, name),
            Description = description,
            IsAwsManaged = false,
            CreateDate = context.Now,
            UpdateDate = context.Now,
            DefaultVersionId = "v1",
            NextVersionNumber = 2,
        };
        policy.Versions.Add(new PolicyVersion { Id = "v1", Document = document, CreateDate = context.Now });
        Rules.MergeTags(policy.Tags, tags);
        account.AddPolicy(policy);
        context.Result.Structure(
            "Policy", () => Shapes.Policy(context.Result, policy, withDescription: true, withTags: true));
    }

    private static void GetPolicy(OperationContext context)
    {
        ManagedPolicy policy = context.Account.RequirePolicy(context.Request.Required("PolicyArn"));
        context.Result.Structure(
            "Policy", () => Shapes.Policy(context.Result, policy, withDescription: true, withTags: true));
    }

    private static void DeletePolicy(OperationContext context)
    {
        ManagedPolicy policy = RequireLocalPolicy(context);
        if (policy.AttachmentCount > 0)
        {
            throw Errors.DeleteConflict("Cannot delete a policy attached to entities.");
        }

        if (policy.Versions.Count > 1)
        {
            throw Errors.DeleteConflict(
                "This policy has more than one version. Before you delete a policy, you must delete the policy's " +
                "versions. The default version is deleted with the policy.");
        }

        context.Account.RemovePolicy(policy);
    }

    private static void ListPolicies(OperationContext context)
    {
        QueryParameters request = context.Request;
        string scope = request.Optional("Scope") ?? "All";
        if (scope is not ("All" or "AWS" or "Local"))
        {
            throw Errors.Constraint("Scope", scope, "satisfy enum value set: [All, AWS, Local]");
        }

        string usage = request.Optional("PolicyUsageFilter") ?? "PermissionsPolicy";
        if (usage is not ("PermissionsPolicy" or "PermissionsBoundary"))
        {
            throw Errors.Constraint("PolicyUsageFilter", usage,
                "satisfy enum value set: [PermissionsPolicy, PermissionsBoundary]");
        }

        bool onlyAttached = request.Bool("OnlyAttached") ?? false;
        string? prefix = Rules.PathPrefix(request.Optional("PathPrefix"));
        var page = PageRequest.From(request);

        // No permissions boundaries exist here, so a boundary filter with OnlyAttached matches nothing.
        Page<ManagedPolicy> policies = Paging.Take(
            context.Account.Policies.From(page.StartKey).Where(p =>
                (scope == "All" || p.IsAwsManaged == (scope == "AWS")) &&
                (!onlyAttached || (usage == "PermissionsPolicy" && p.AttachmentCount > 0)) &&
                (prefix is null || p.Path.StartsWith(prefix, StringComparison.Ordinal))),
            p => p.Key,
            page);

        context.Result.List(
            "Policies", policies.Items, p => Shapes.Policy(context.Result, p, withDescription: false, withTags: false));
        context.Result.PageEnd(policies);
    }

    private static void GetPolicyVersion(OperationContext context)
    {
        ManagedPolicy policy = context.Account.RequirePolicy(context.Request.Required("PolicyArn"));
        PolicyVersion version = RequireVersion(policy, context.Request);
        context.Result.Structure("PolicyVersion", () => Shapes.PolicyVersion(context.Result, policy, version, true));
    }

    /// <summary>Newest first; the marker key counts down so that order stays ordinal.</summary>
    private static void ListPolicyVersions(OperationContext context)
    {
        ManagedPolicy policy = context.Account.RequirePolicy(context.Request.Required("PolicyArn"));
        Page<PolicyVersion> versions = Paging.Take(
            policy.Versions.OrderByDescending(VersionNumber),
            v => (int.MaxValue - VersionNumber(v)).ToString("D10", CultureInfo.InvariantCulture),
            PageRequest.From(context.Request));

        context.Result.List("Versions", versions.Items, v => Shapes.PolicyVersion(context.Result, policy, v, false));
        context.Result.PageEnd(versions);
    }

    private static void CreatePolicyVersion(OperationContext context)
    {
        ManagedPolicy policy = RequireLocalPolicy(context);
        string document = CheckedManagedDocument(context.Request);
        bool setAsDefault = context.Request.Bool("SetAsDefault") ?? false;
        if (policy.Versions.Count >= Rules.VersionsPerPolicy)
        {
            throw Errors.LimitExceeded(
                $"A managed policy can have up to {Rules.VersionsPerPolicy} versions. Before you create a new " +
                "version, you must delete an existing version.");
        }

        var version = new PolicyVersion
        {
            Id = $"v{policy.NextVersionNumber}",
            Document = document,
            CreateDate = context.Now,
        };
        policy.NextVersionNumber++;
        policy.Versions.Add(version);
        if (setAsDefault)
        {
            policy.DefaultVersionId = version.Id;
            policy.UpdateDate = context.Now;
        }

        context.Result.Structure("PolicyVersion", () => Shapes.PolicyVersion(context.Result, policy, version, false));
    }

    private static void DeletePolicyVersion(OperationContext context)
    {
        ManagedPolicy policy = RequireLocalPolicy(context);
        PolicyVersion version = RequireVersion(policy, context.Request);
        if (version.Id == policy.DefaultVersionId)
        {
            throw Errors.DeleteConflict("Cannot delete the default version of a policy.");
        }

        policy.Versions.Remove(version);
    }

    private static void SetDefaultPolicyVersion(OperationContext context)
    {
        ManagedPolicy policy = RequireLocalPolicy(context);
        PolicyVersion version = RequireVersion(policy, context.Request);
        policy.DefaultVersionId = version.Id;
        policy.UpdateDate = context.Now;
    }

    /// <summary>AWS-managed policies are read-only to an account.</summary>
    private static ManagedPolicy RequireLocalPolicy(OperationContext context)
    {
        ManagedPolicy policy = context.Account.RequirePolicy(context.Request.Required("PolicyArn"));
        return policy.IsAwsManaged
            ? throw Errors.InvalidInput($"Policy {policy.Arn} is an AWS managed policy and cannot be changed.")
            : policy;
    }

    private static PolicyVersion RequireVersion(ManagedPolicy policy, QueryParameters request)
    {
        string id = Rules.VersionId(request.Required("VersionId"));
        return policy.Versions.Find(v => v.Id == id)
            ?? throw Errors.NoSuchEntity($"Policy {policy.Arn} version {id} does not exist or is not attachable.");
    }

    private static int VersionNumber(PolicyVersion version)
    {
        int dot = version.Id.IndexOf('.');
        return int.Parse(dot > 0 ? version.Id[1..dot] : version.Id[1..], CultureInfo.InvariantCulture);
    }
}
