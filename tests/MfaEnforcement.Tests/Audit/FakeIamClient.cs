using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Tests.Audit;

/// <summary>
/// An in-memory IAM account behind <see cref="IIamClient"/>: the reads the audit makes, with IAM's paging (small
/// pages, so that markers are followed), its errors, and the credential report's four-hour reuse. Every request is
/// recorded by action name.
/// </summary>
internal sealed partial class FakeIamClient : IIamClient
{
    public const string AccountId = "123456789012";

    private static readonly DateTime s_created = new(2024, 1, 10, 9, 30, 15, DateTimeKind.Utc);
    private readonly ConcurrentQueue<string> _requests = new();

    public SortedDictionary<string, FakeUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<string, FakeGroup> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SortedDictionary<string, FakePolicy> Policies { get; } = new(StringComparer.Ordinal);

    /// <summary>The root user's virtual device serial, or a hardware one's, or null without MFA.</summary>
    public string? RootDevice { get; set; }

    public bool RootHasAccessKey { get; set; }

    /// <summary>IAM's page size here, whatever MaxItems asks for.</summary>
    public int PageSize { get; set; } = 2;

    public DateTime Now { get; set; } = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public FakeReport? Report { get; set; }

    /// <summary>How many GenerateCredentialReport calls after the first one a new report takes.</summary>
    public int ReportGenerationCalls { get; set; } = 1;

    /// <summary>Leaves AWS-managed policies out of GetAccountAuthorizationDetails.</summary>
    public bool OmitAwsPoliciesFromDetails { get; set; }

    /// <summary>Actions that fail with the given error code.</summary>
    public Dictionary<string, string> Failures { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Requests => _requests.ToList();

    public int Count(string action) => _requests.Count(r => r == action);

    public void ClearRequests()
    {
        while (_requests.TryDequeue(out _))
        {
        }
    }

    public FakeUser AddUser(string name)
    {
        var user = new FakeUser(name, s_created.AddMinutes(Users.Count));
        Users.Add(name, user);
        return user;
    }

    public FakeGroup AddGroup(string name)
    {
        var group = new FakeGroup(name);
        Groups.Add(name, group);
        return group;
    }

    public FakePolicy AddPolicy(string name, string document, bool awsManaged = false)
    {
        var policy = new FakePolicy(name, document, awsManaged);
        Policies.Add(policy.Arn, policy);
        return policy;
    }

    /// <summary>A report made <paramref name="age"/> ago from the account as it is now.</summary>
    public void AddReport(TimeSpan age) =>
        Report = new FakeReport(Now - age, FakeReport.Build(Users.Values, RootDevice is not null), 0);

    public Task<IamUserInfo> GetUserAsync(string? userName, CancellationToken ct)
    {
        Record("GetUser");
        return Task.FromResult(Info(Find(userName!), withTags: true));
    }

    public Task<AuthorizationDetailsPage> GetAccountAuthorizationDetailsAsync(
        AuthorizationDetailsFilter filter, string? marker, int maxItems, CancellationToken ct)
    {
        Record("GetAccountAuthorizationDetails");
        var attached = new HashSet<string>(Users.Values.SelectMany(u => u.AttachedPolicyArns)
            .Concat(Groups.Values.SelectMany(g => g.AttachedPolicyArns)));
        var items = new List<object>();
        items.AddRange(filter.HasFlag(AuthorizationDetailsFilter.User) ? Users.Values : Enumerable.Empty<object>());
        items.AddRange(filter.HasFlag(AuthorizationDetailsFilter.Group) ? Groups.Values : Enumerable.Empty<object>());
        items.AddRange(Policies.Values.Where(p => p.IsAwsManaged
            ? filter.HasFlag(AuthorizationDetailsFilter.AwsManagedPolicy) && attached.Contains(p.Arn)
                && !OmitAwsPoliciesFromDetails
            : filter.HasFlag(AuthorizationDetailsFilter.LocalManagedPolicy)));
        var page = Slice(items, marker, maxItems);
        return Task.FromResult(new AuthorizationDetailsPage(
            page.Items.OfType<FakeUser>().Select(u => new UserAuthorizationDetail(
                Info(u, withTags: true), u.Groups, u.AttachedPolicyArns.Select(Attached).ToList(),
                u.InlinePolicies.Select(p => new InlinePolicyInfo(p.Key, p.Value)).ToList())).ToList(),
            page.Items.OfType<FakeGroup>().Select(g => new GroupAuthorizationDetail(
                Group(g), g.AttachedPolicyArns.Select(Attached).ToList(),
                g.InlinePolicies.Select(p => new InlinePolicyInfo(p.Key, p.Value)).ToList())).ToList(),
            page.Items.OfType<FakePolicy>().Select(p => new PolicyAuthorizationDetail(
                Managed(p), new[] { new PolicyVersionInfo("v1", true, s_created, p.Document) })).ToList(),
            page.Marker));
    }

    public Task<Page<VirtualMfaDeviceInfo>> ListVirtualMfaDevicesAsync(
        string? assignmentStatus, string? marker, int maxItems, CancellationToken ct)
    {
        Record("ListVirtualMFADevices");
        var devices = Users.Values.SelectMany(u => u.Devices.Where(d => u.IsVirtual(d.Serial))
            .Select(d => new VirtualMfaDeviceInfo(d.Serial, u.Name, u.Arn, d.EnableDate))).ToList();
        if (RootDevice is not null && RootDevice.Contains(":mfa/"))
        {
            devices.Add(new VirtualMfaDeviceInfo(RootDevice, null, $"arn:aws:iam::{AccountId}:root", s_created));
        }

        return Task.FromResult(Slice(devices.OrderBy(d => d.SerialNumber, StringComparer.Ordinal).ToList(), marker,
            maxItems));
    }

    public Task<CredentialReportState> GenerateCredentialReportAsync(CancellationToken ct)
    {
        Record("GenerateCredentialReport");
        if (Report is null || Now - Report.Generated >= TimeSpan.FromHours(4))
        {
            Report = new FakeReport(Now, FakeReport.Build(Users.Values, RootDevice is not null), ReportGenerationCalls);
            return Task.FromResult(CredentialReportState.Started);
        }

        if (!Report.IsComplete)
        {
            Report.CallsUntilComplete--;
        }

        return Task.FromResult(Report.IsComplete ? CredentialReportState.Complete : CredentialReportState.InProgress);
    }

    public Task<CredentialReportContent> GetCredentialReportAsync(CancellationToken ct)
    {
        Record("GetCredentialReport");
        if (Report is null)
        {
            throw Error("GetCredentialReport", "ReportNotPresent", "Credential report not present.");
        }

        if (!Report.IsComplete)
        {
            throw Error("GetCredentialReport", "ReportInProgress", "Credential report is being generated.");
        }

        return Task.FromResult(new CredentialReportContent(Encoding.UTF8.GetBytes(Report.Csv), Report.Generated));
    }

    public Task<Page<MfaDeviceInfo>> ListMfaDevicesAsync(
        string? userName, string? marker, int maxItems, CancellationToken ct)
    {
        Record("ListMFADevices");
        var user = Find(userName!);
        return Task.FromResult(Slice(
            user.Devices.Select(d => new MfaDeviceInfo(user.Name, d.Serial, d.EnableDate)).ToList(), marker, maxItems));
    }

    public Task<IReadOnlyDictionary<string, int>> GetAccountSummaryAsync(CancellationToken ct)
    {
        Record("GetAccountSummary");
        IReadOnlyDictionary<string, int> summary = new Dictionary<string, int>
        {
            ["AccountMFAEnabled"] = RootDevice is null ? 0 : 1,
            ["AccountAccessKeysPresent"] = RootHasAccessKey ? 1 : 0,
            ["Users"] = Users.Count,
        };
        return Task.FromResult(summary);
    }

    public Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken ct)
    {
        Record("GetCallerIdentity");
        return Task.FromResult(new CallerIdentity(AccountId, $"arn:aws:iam::{AccountId}:user/auditor", "AIDAAUDITOR"));
    }

    private void Record(string action)
    {
        _requests.Enqueue(action);
        if (Failures.TryGetValue(action, out var code))
        {
            throw Error(action, code, $"{action} failed with {code}.");
        }
    }

    private FakeUser Find(string userName) => Users.TryGetValue(userName, out var user)
        ? user
        : throw Error("GetUser", "NoSuchEntity", $"The user with name {userName} cannot be found.");

    private FakeGroup FindGroup(string groupName) => Groups.TryGetValue(groupName, out var group)
        ? group
        : throw Error("GetGroup", "NoSuchEntity", $"The group with name {groupName} cannot be found.");

    private FakePolicy FindPolicy(string arn) => Policies.TryGetValue(arn, out var policy)
        ? policy
        : throw Error("GetPolicy", "NoSuchEntity", $"Policy {arn} does not exist or is not attachable.");

    private Page<T> Slice<T>(IReadOnlyList<T> items, string? marker, int maxItems)
    {
        var start = marker is null ? 0 : int.Parse(marker);
        var size = Math.Min(PageSize, maxItems);
        var next = start + size < items.Count ? (start + size).ToString() : null;
        return new Page<T>(items.Skip(start).Take(size).ToList(), next);
    }

    private AttachedPolicyInfo Attached(string arn) => new(FindPolicy(arn).Name, arn);

    private static IamException Error(string action, string code, string message) =>
        new(action, code, message);

    private static IamUserInfo Info(FakeUser user, bool withTags) => new(
        user.Name, "AIDA" + user.Name.ToUpperInvariant(), user.Arn, user.Path, user.CreateDate,
        user.HasLoginProfile ? user.PasswordLastUsed : null,
        withTags ? new Dictionary<string, string>(user.Tags) : new Dictionary<string, string>());

    private static IamGroupInfo Group(FakeGroup group) => new(
        group.Name, "AGPA" + group.Name.ToUpperInvariant(), $"arn:aws:iam::{AccountId}:group/{group.Name}", "/",
        s_created);

    private static ManagedPolicyInfo Managed(FakePolicy policy) => new(
        policy.Name, "ANPA" + policy.Name.ToUpperInvariant(), policy.Arn, "/", "v1", 1, null, s_created, s_created);
}
