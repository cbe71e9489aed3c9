using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Enforcement;
using MfaEnforcement.Core.Iam;
using Xunit;

namespace MfaEnforcement.Tests.Enforcement;

public class EnforcementExecutorTests
{
    private static readonly string s_defaultArn = FakeIamClient.PolicyArn(EnforcementRequest.DefaultPolicyName);

    private static async Task<(EnforcementPlan Plan, EnforcementResult Result)> RunAsync(
        FakeIamClient iam, EnforcementRequest request)
    {
        var plan = await EnforcementPlannerTests.PlanAsync(iam, request);
        var result = await new EnforcementExecutor(iam)
            .RunAsync(plan.Steps, request.Concurrency, CancellationToken.None);
        return (plan, result);
    }

    [Fact]
    public async Task CreatesTheDefaultPolicyAndAttachesItToEveryUser()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice");
        iam.AddUser("bob");

        await RunAsync(iam, EnforcementPlannerTests.Users("alice", "bob"));

        Assert.Contains(s_defaultArn, iam.Policies.Keys);
        Assert.All(iam.Users.Values, u => Assert.Equal(new[] { s_defaultArn }, u.Policies));
    }

    [Fact]
    public async Task WritesNothingOnARerun()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice");
        await RunAsync(iam, EnforcementPlannerTests.Users("alice"));
        var before = iam.Writes.Count;

        await RunAsync(iam, EnforcementPlannerTests.Users("alice"));

        Assert.Equal(before, iam.Writes.Count);
    }

    [Fact]
    public async Task KeepsAtMostEightCallsInFlight()
    {
        var iam = new FakeIamClient();
        var names = Enumerable.Range(0, 200).Select(i => $"user{i:D3}").ToArray();
        foreach (var name in names)
        {
            iam.AddUser(name);
        }

        await RunAsync(iam, EnforcementPlannerTests.Users(names));

        Assert.Equal(200, iam.Writes.Count(w => w.StartsWith("AttachUserPolicy:")));
        Assert.InRange(iam.MaxInFlight, 2, EnforcementRequest.DefaultConcurrency);
    }

    [Fact]
    public async Task ReportsTheQuotaAndGoesOnWithTheOthers()
    {
        var iam = new FakeIamClient();
        iam.AddPolicy(EnforcementRequest.DefaultPolicyName);
        var full = iam.AddUser("full");
        full.Policies.AddRange(Enumerable.Range(0, 10).Select(i => FakeIamClient.PolicyArn($"P{i}")));
        iam.AddUser("alice");

        var (_, result) = await RunAsync(iam, EnforcementPlannerTests.Users("full", "alice"));

        var failure = Assert.Single(result.Failures);
        Assert.Equal("full", failure.Target.Name);
        Assert.Equal("LimitExceeded", failure.Exception.ErrorCode);
        Assert.Contains("-ViaGroup", failure.Exception.Message);
        Assert.Contains(s_defaultArn, iam.Users["alice"].Policies);
    }

    [Fact]
    public async Task ReportsAccessDeniedForOneTarget()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice");
        iam.AddUser("bob");
        iam.Failures["AttachUserPolicy:bob"] = "AccessDenied";

        var (_, result) = await RunAsync(iam, EnforcementPlannerTests.Users("alice", "bob"));

        Assert.Equal("User 'bob'", Assert.Single(result.Failures).Subject);
        Assert.Contains(s_defaultArn, iam.Users["alice"].Policies);
    }

    [Fact]
    public async Task EndsTheRunWhenAPrerequisiteFails()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice");
        iam.Failures["CreatePolicy:MfaEnforcement"] = "AccessDenied";

        await Assert.ThrowsAsync<IamException>(() => RunAsync(iam, EnforcementPlannerTests.Users("alice")));

        Assert.Empty(iam.Users["alice"].Policies);
    }

    [Fact]
    public async Task AddsUsersToTheViaGroupIdempotently()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice");
        iam.AddUser("bob");
        var request = EnforcementPlannerTests.Users("alice", "bob");
        request.ViaGroup = "MfaEnforced";

        await RunAsync(iam, request);
        var writes = iam.Writes.Count;
        var (rerun, _) = await RunAsync(iam, request);

        Assert.Equal(new[] { "alice", "bob" }, iam.Groups["MfaEnforced"].Members.OrderBy(m => m));
        Assert.Equal(new[] { s_defaultArn }, iam.Groups["MfaEnforced"].Policies);
        Assert.Empty(rerun.Steps);
        Assert.Equal(writes, iam.Writes.Count);
    }

    [Fact]
    public async Task RemoveRestoresTheOriginalAttachments()
    {
        var iam = new FakeIamClient();
        iam.AddPolicy(EnforcementRequest.DefaultPolicyName);
        iam.AddUser("alice").Policies.Add(FakeIamClient.PolicyArn("ReadOnly"));
        iam.AddUser("bob").Policies.Add(s_defaultArn);
        iam.AddGroup("Developers").Policies.Add(FakeIamClient.PolicyArn("PowerUser"));
        var targets = new[]
        {
            EnforcementTarget.User("alice"), EnforcementTarget.User("bob"), EnforcementTarget.Group("Developers"),
        };
        await RunAsync(iam, new EnforcementRequest { Targets = targets });

        await RunAsync(iam, new EnforcementRequest { Targets = targets, Direction = EnforcementDirection.Remove });

        Assert.Equal(new[] { FakeIamClient.PolicyArn("ReadOnly") }, iam.Users["alice"].Policies);
        Assert.Empty(iam.Users["bob"].Policies);
        Assert.Equal(new[] { FakeIamClient.PolicyArn("PowerUser") }, iam.Groups["Developers"].Policies);
    }

    [Fact]
    public async Task RemoveTakesUsersOutOfTheViaGroupOnly()
    {
        var iam = new FakeIamClient();
        iam.AddPolicy(EnforcementRequest.DefaultPolicyName);
        iam.AddUser("alice");
        iam.AddUser("bob");
        iam.AddGroup("MfaEnforced", "alice").Policies.Add(s_defaultArn);
        var request = EnforcementPlannerTests.Users("alice", "bob");
        request.ViaGroup = "MfaEnforced";
        request.Direction = EnforcementDirection.Remove;

        var (plan, _) = await RunAsync(iam, request);

        Assert.Equal("RemoveUserFromGroup:alice", Assert.Single(iam.Writes));
        Assert.Contains("bob", Assert.Single(plan.Unchanged));
        Assert.Equal(new[] { s_defaultArn }, iam.Groups["MfaEnforced"].Policies);
    }

    [Fact]
    public async Task RemoveWithoutThePolicyWritesNothing()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice");
        var request = EnforcementPlannerTests.Users("alice");
        request.Direction = EnforcementDirection.Remove;

        var (plan, _) = await RunAsync(iam, request);

        Assert.Empty(iam.Writes);
        Assert.Contains("does not exist", Assert.Single(plan.Warnings));
    }
}
