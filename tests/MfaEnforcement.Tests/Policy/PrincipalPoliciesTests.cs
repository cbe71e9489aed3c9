using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

public class PrincipalPoliciesTests
{
    private const string Administrator = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private const string ReadOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"s3:Get*\",\"Resource\":\"*\"}]}";

    private const string AdminArn = "arn:aws:iam::aws:policy/AdministratorAccess";

    private const string ReadOnlyArn = "arn:aws:iam::111122223333:policy/ReadOnly";

    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task AssemblesTheUsersOwnPoliciesBeforeTheirGroups()
    {
        PolicyDocuments documents = Documents();
        var groups = await PrincipalPolicies.OfGroupsAsync(new[] { Group("Admins", AdminArn, "Scratch") },
            documents, s_none);

        PrincipalPolicies alice = await PrincipalPolicies.OfUserAsync(User(ReadOnlyArn, "Notes", "Admins"), groups,
            documents, s_none);

        Assert.Equal(new[] { "ReadOnly", "Notes (inline)", "AdministratorAccess (group Admins)",
            "Scratch (group Admins)" }, alice.Sources.Select(s => s.Label));
    }

    [Fact]
    public async Task FindsGroupsWhateverTheCaseOfTheirNames()
    {
        PolicyDocuments documents = Documents();
        var groups = await PrincipalPolicies.OfGroupsAsync(new[] { Group("Admins", AdminArn, null) }, documents,
            s_none);

        PrincipalPolicies alice = await PrincipalPolicies.OfUserAsync(User(null, null, "ADMINS"), groups, documents,
            s_none);

        Assert.Equal("AdministratorAccess", Assert.Single(alice.Sources).Name);
    }

    [Fact]
    public void ListsAGroupItCannotFindAsMissing()
    {
        PrincipalPolicies alice = PrincipalPolicies.Of(Array.Empty<PolicySource>(), new[] { "Ghosts" }, _ => null);

        Assert.Equal("Ghosts", Assert.Single(alice.MissingGroups));
    }

    [Fact]
    public async Task UsesTheBulkDocumentWithoutReadingIt()
    {
        var reads = new List<string>();
        PolicyDocuments documents = Documents(reads);
        documents.AddManaged(AdminArn, Administrator);

        await documents.GetManagedAsync(AdminArn, s_none);

        Assert.Empty(reads);
    }

    [Fact]
    public async Task ReadsADocumentTheBulkReadLeftOutOnlyOnce()
    {
        var reads = new List<string>();
        PolicyDocuments documents = Documents(reads);
        documents.AddManaged(AdminArn, null);

        await documents.GetManagedAsync(AdminArn, s_none);
        await documents.GetManagedAsync(AdminArn, s_none);

        Assert.Equal(new[] { AdminArn }, reads);
    }

    [Fact]
    public void ParsesTheSameTextOnce()
    {
        PolicyDocuments documents = Documents();

        Assert.Same(documents.Parse(Administrator), documents.Parse(Administrator));
    }

    [Fact]
    public async Task KeepsTheGivenOrderWhenLookupsFinishOutOfOrder()
    {
        var first = new TaskCompletionSource<string?>();
        var documents = new PolicyDocuments((arn, ct) => arn == AdminArn
            ? first.Task
            : Task.FromResult<string?>(ReadOnly));
        var attached = new[]
        {
            new AttachedPolicyInfo("AdministratorAccess", AdminArn),
            new AttachedPolicyInfo("ReadOnly", ReadOnlyArn),
        };

        Task<IReadOnlyList<PolicySource>> managed = PrincipalPolicies.ManagedAsync(attached,
            PolicyAttachment.Direct, null, documents, s_none);
        first.SetResult(Administrator);

        Assert.Equal(new[] { "AdministratorAccess", "ReadOnly" }, (await managed).Select(s => s.Name));
    }

    [Fact]
    public void AppliesReadablePoliciesWithHowTheyReachTheUser()
    {
        PolicyDocuments documents = Documents();
        var source = new PolicySource("AdministratorAccess", AdminArn, PolicyAttachment.Group, "Admins",
            documents.Parse(Administrator));

        AppliedPolicy applied = Assert.Single(PrincipalPolicies.Apply(new[] { source }).Policies);

        Assert.Equal((AdminArn, "Admins", "AdministratorAccess (group Admins)"),
            (applied.PolicyArn, applied.GroupName, applied.Label));
    }

    [Fact]
    public void PairsEachAppliedPolicyWithItsParsedDocument()
    {
        PolicyDocuments documents = Documents();
        IReadOnlyList<PolicySource> sources = PrincipalPolicies.Inline(new[]
        {
            new InlinePolicyInfo("Broken", "{not json"),
            new InlinePolicyInfo("Notes", ReadOnly),
        }, PolicyAttachment.Inline, null, documents);

        AppliedPolicies applied = PrincipalPolicies.Apply(sources);

        Assert.Same(documents.Parse(ReadOnly), Assert.Single(applied.Documents));
    }

    [Fact]
    public void LeavesOutAMalformedDocumentWithTheReason()
    {
        PolicyDocuments documents = Documents();
        IReadOnlyList<PolicySource> sources = PrincipalPolicies.Inline(
            new[] { new InlinePolicyInfo("Broken", "{not json") }, PolicyAttachment.Inline, null, documents);

        PolicySource broken = Assert.Single(PrincipalPolicies.Apply(sources).Unreadable);

        Assert.False(string.IsNullOrEmpty(broken.Document.Error));
    }

    [Fact]
    public async Task LeavesOutAManagedPolicyWithNoDocumentAsMissing()
    {
        PolicyDocuments documents = Documents();
        IReadOnlyList<PolicySource> sources = await PrincipalPolicies.ManagedAsync(
            new[] { new AttachedPolicyInfo("Gone", ReadOnlyArn) }, PolicyAttachment.Direct, null, documents, s_none);

        PolicySource gone = Assert.Single(PrincipalPolicies.Apply(sources).Unreadable);

        Assert.True(gone.Document.IsMissing);
    }

    [Fact]
    public async Task ReadsTheDefaultVersionNotTheFirst()
    {
        var iam = new FakePolicyIamClient();
        FakePolicyIamClient.FakePolicy policy = iam.AddPolicy("ReadOnly", "/", Administrator, ReadOnly);

        PolicyVersionInfo version = await PolicyDocuments.ReadDefaultVersionAsync(iam, policy.Arn, null, s_none);

        Assert.Equal(ReadOnly, version.Document);
    }

    [Fact]
    public async Task ReadsWithGetPolicyThenGetPolicyVersion()
    {
        var iam = new FakePolicyIamClient();
        FakePolicyIamClient.FakePolicy policy = iam.AddPolicy("ReadOnly", "/", ReadOnly);

        await PolicyDocuments.ReadDefaultVersionAsync(iam, policy.Arn, null, s_none);

        Assert.Equal(new[] { "GetPolicy", "GetPolicyVersion" }, iam.Calls);
    }

    [Fact]
    public async Task LogsEachReadOfTheDefaultVersion()
    {
        var iam = new FakePolicyIamClient();
        FakePolicyIamClient.FakePolicy policy = iam.AddPolicy("ReadOnly", "/", ReadOnly);
        var log = new List<string>();

        await PolicyDocuments.ReadDefaultVersionAsync(iam, policy.Arn, log.Add, s_none);

        Assert.Equal(new[] { "Calling GetPolicy", "Calling GetPolicyVersion" },
            log.Select(line => line.Split(' ')[0] + " " + line.Split(' ')[1]));
    }

    private static PolicyDocuments Documents(List<string>? reads = null) => new((arn, ct) =>
    {
        reads?.Add(arn);
        return Task.FromResult<string?>(arn == AdminArn ? Administrator : null);
    });

    private static GroupAuthorizationDetail Group(string name, string arn, string? inline) => new(
        new IamGroupInfo(name, "AGPA" + name.ToUpperInvariant(), $"arn:aws:iam::111122223333:group/{name}", "/",
            DateTime.UtcNow),
        new[] { new AttachedPolicyInfo(arn.Split('/').Last(), arn) },
        inline is null ? Array.Empty<InlinePolicyInfo>() : new[] { new InlinePolicyInfo(inline, ReadOnly) });

    private static UserAuthorizationDetail User(string? arn, string? inline, string group)
    {
        var user = new IamUserInfo("alice", "AIDAALICE", "arn:aws:iam::111122223333:user/alice", "/",
            DateTime.UtcNow, null, new Dictionary<string, string>());
        return new UserAuthorizationDetail(user, new[] { group },
            arn is null ? Array.Empty<AttachedPolicyInfo>() : new[] { new AttachedPolicyInfo("ReadOnly", arn) },
            inline is null ? Array.Empty<InlinePolicyInfo>() : new[] { new InlinePolicyInfo(inline, ReadOnly) });
    }
}
