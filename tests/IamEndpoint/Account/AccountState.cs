using IamEndpoint.Protocol;

namespace IamEndpoint.Account;

/// <summary>
/// The in-memory account. Not thread-safe by itself: the endpoint runs every request under one lock.
/// </summary>
internal sealed class AccountState(string accountId, string partition, DateTime createDate, int randomSeed)
{
    public string AccountId { get; } = accountId;

    public string Partition { get; } = partition;

    public DateTime CreateDate { get; } = createDate;

    public RootUser Root { get; set; } = new();

    /// <summary>The user a request signed with an unknown access key acts as; null for the root user.</summary>
    public string? DefaultCallerName { get; set; }

    public SortedIndex<IamUser> Users { get; } = new(u => u.Key);

    public SortedIndex<IamGroup> Groups { get; } = new(g => g.Key);

    public SortedIndex<ManagedPolicy> Policies { get; } = new(p => p.Key);

    public Dictionary<string, ManagedPolicy> PoliciesByArn { get; } = new(StringComparer.Ordinal);

    /// <summary>Every MFA device by serial number, assigned or not.</summary>
    public SortedIndex<MfaDevice> MfaDevices { get; } = new(d => d.SerialNumber);

    /// <summary>Long-term access keys by id; the user is null for the root user's keys.</summary>
    public Dictionary<string, (IamUser? User, AccessKey Key)> AccessKeys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SessionCredentials> Sessions { get; } = new(StringComparer.Ordinal);

    public CredentialReportState? CredentialReport { get; set; }

    public IdGenerator Ids { get; } = new(randomSeed);

    /// <summary>IAM names are unique regardless of case, so lookups use the lower-case name.</summary>
    public static string NameKey(string name) => name.ToLowerInvariant();

    public string RootArn => $"arn:{Partition}:iam::{AccountId}:root";

    public string UserArn(string path, string name) => $"arn:{Partition}:iam::{AccountId}:user{path}{name}";

    public string GroupArn(string path, string name) => $"arn:{Partition}:iam::{AccountId}:group{path}{name}";

    public string LocalPolicyArn(string path, string name) =>
        $"arn:{Partition}:iam::{AccountId}:policy{path}{name}";

    public string AwsPolicyArn(string path, string name) => $"arn:{Partition}:iam::aws:policy{path}{name}";

    public string VirtualMfaSerial(string path, string name) => $"arn:{Partition}:iam::{AccountId}:mfa{path}{name}";

    public string SecurityKeySerial(string userName, string keyId) =>
        $"arn:{Partition}:iam::{AccountId}:u2f/user/{userName}/{keyId}";

    public IamUser RequireUser(string name) =>
        Users.TryGet(NameKey(name), out IamUser user)
            ? user
            : throw Errors.NoSuchEntity($"The user with name {name} cannot be found.");

    public IamGroup RequireGroup(string name) =>
        Groups.TryGet(NameKey(name), out IamGroup group)
            ? group
            : throw Errors.NoSuchEntity($"The group with name {name} cannot be found.");

    public ManagedPolicy RequirePolicy(string arn)
    {
        Rules.PolicyArn(arn);
        return PoliciesByArn.TryGetValue(arn, out ManagedPolicy? policy)
            ? policy
            : throw Errors.NoSuchEntity($"Policy {arn} was not found.");
    }

    public void AddPolicy(ManagedPolicy policy)
    {
        Policies.Add(policy);
        PoliciesByArn.Add(policy.Arn, policy);
    }

    public void RemovePolicy(ManagedPolicy policy)
    {
        Policies.Remove(policy);
        PoliciesByArn.Remove(policy.Arn);
    }

    /// <summary>Assigns a device to a user (or to root when <paramref name="user"/> is null).</summary>
    public void Assign(MfaDevice device, IamUser? user, DateTime enableDate)
    {
        device.User = user;
        device.IsRootDevice = user is null;
        device.EnableDate = enableDate;
        if (user is null)
        {
            Root.MfaDevices.Add(device);
        }
        else
        {
            user.MfaDevices.Add(device);
        }

        if (!MfaDevices.Contains(device.SerialNumber))
        {
            MfaDevices.Add(device);
        }
    }

    /// <summary>Takes a device from its user; a virtual device stays as unassigned, the others are gone.</summary>
    public void Unassign(MfaDevice device)
    {
        device.User?.MfaDevices.Remove(device);
        if (device.IsRootDevice)
        {
            Root.MfaDevices.Remove(device);
        }

        device.User = null;
        device.IsRootDevice = false;
        device.EnableDate = null;
        if (device.Type != MfaDeviceType.Virtual)
        {
            MfaDevices.Remove(device);
        }
    }
}
