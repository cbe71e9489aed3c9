using IamEndpoint.Account;
using IamEndpoint.Protocol;

namespace IamEndpoint.Operations;

/// <summary>
/// Console passwords and access keys:
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html,
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html and their siblings.
/// </summary>
internal static class CredentialOperations
{
    public static void Register(OperationTable table)
    {
        table.Iam("GetLoginProfile", GetLoginProfile);
        table.Iam("CreateLoginProfile", CreateLoginProfile);
        table.IamNoResult("DeleteLoginProfile", DeleteLoginProfile);
        table.Iam("ListAccessKeys", ListAccessKeys);
        table.Iam("CreateAccessKey", CreateAccessKey);
        table.IamNoResult("UpdateAccessKey", UpdateAccessKey);
        table.IamNoResult("DeleteAccessKey", DeleteAccessKey);
    }

    private static void GetLoginProfile(OperationContext context)
    {
        IamUser user = CallerDefaults.UserOrCaller(context);
        LoginProfile profile = user.LoginProfile
            ?? throw Errors.NoSuchEntity($"Login Profile for User {user.Name} cannot be found.");
        WriteLoginProfile(context.Result, user, profile);
    }

    /// <summary>The password is checked for presence and length only: no account password policy is modelled.</summary>
    private static void CreateLoginProfile(OperationContext context)
    {
        IamUser user = CallerDefaults.UserOrCaller(context);
        string password = context.Request.Required("Password");
        if (password.Length > 128)
        {
            throw Errors.Constraint("Password", "*****", "have length less than or equal to 128");
        }

        if (user.LoginProfile is not null)
        {
            throw Errors.EntityAlreadyExists($"Login Profile for user {user.Name} already exists.");
        }

        user.LoginProfile = new LoginProfile
        {
            CreateDate = context.Now,
            PasswordResetRequired = context.Request.Bool("PasswordResetRequired") ?? false,
        };
        WriteLoginProfile(context.Result, user, user.LoginProfile);
    }

    private static void DeleteLoginProfile(OperationContext context)
    {
        IamUser user = CallerDefaults.UserOrCaller(context);
        if (user.LoginProfile is null)
        {
            throw Errors.NoSuchEntity($"Login Profile for User {user.Name} cannot be found.");
        }

        user.LoginProfile = null;
    }

    private static void ListAccessKeys(OperationContext context)
    {
        IamUser? user = CallerDefaults.UserOrRoot(context);
        List<AccessKey> keys = user?.AccessKeys ?? context.Account.Root.AccessKeys;
        Page<AccessKey> page = Paging.Take(
            keys.OrderBy(k => k.Id, StringComparer.Ordinal),
            k => k.Id,
            PageRequest.From(context.Request));

        context.Result.List("AccessKeyMetadata", page.Items, key =>
        {
            context.Result.Value("UserName", user?.Name);
            context.Result.Value("AccessKeyId", key.Id);
            context.Result.Value("Status", key.Status);
            context.Result.Value("CreateDate", key.CreateDate);
        });
        context.Result.PageEnd(page);
    }

    private static void CreateAccessKey(OperationContext context)
    {
        AccountState account = context.Account;
        IamUser? user = CallerDefaults.UserOrRoot(context);
        List<AccessKey> keys = user?.AccessKeys ?? account.Root.AccessKeys;
        if (keys.Count >= Rules.AccessKeysPerUser)
        {
            throw Errors.LimitExceeded($"Cannot exceed quota for AccessKeysPerUser: {Rules.AccessKeysPerUser}");
        }

        var key = new AccessKey
        {
            Id = account.Ids.NewAccessKeyId("AKIA"),
            Secret = IdGenerator.NewSecret(),
            Status = "Active",
            CreateDate = context.Now,
        };
        keys.Add(key);
        account.AccessKeys.Add(key.Id, (user, key));

        context.Result.Structure("AccessKey", () =>
        {
            context.Result.Value("UserName", user?.Name);
            context.Result.Value("AccessKeyId", key.Id);
            context.Result.Value("Status", key.Status);
            context.Result.Value("SecretAccessKey", key.Secret);
            context.Result.Value("CreateDate", key.CreateDate);
        });
    }

    private static void UpdateAccessKey(OperationContext context)
    {
        AccessKey key = RequireKey(context, out _);
        string status = context.Request.Required("Status");
        key.Status = status is "Active" or "Inactive"
            ? status
            : throw Errors.Constraint("Status", status, "satisfy enum value set: [Active, Inactive]");
    }

    private static void DeleteAccessKey(OperationContext context)
    {
        AccessKey key = RequireKey(context, out List<AccessKey> keys);
        keys.Remove(key);
        context.Account.AccessKeys.Remove(key.Id);
    }

    private static AccessKey RequireKey(OperationContext context, out List<AccessKey> keys)
    {
        IamUser? user = CallerDefaults.UserOrRoot(context);
        string id = context.Request.Required("AccessKeyId");
        keys = user?.AccessKeys ?? context.Account.Root.AccessKeys;
        return keys.Find(k => k.Id == id)
            ?? throw Errors.NoSuchEntity($"The Access Key with id {id} cannot be found.");
    }

    private static void WriteLoginProfile(XmlResult r, IamUser user, LoginProfile profile) =>
        r.Structure("LoginProfile", () =>
        {
            r.Value("UserName", user.Name);
            r.Value("CreateDate", profile.CreateDate);
            r.Value("PasswordResetRequired", profile.PasswordResetRequired);
        });
}
