using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

public class PolicyPublisherTests
{
    private static readonly EnforcementPolicyOptions s_defaults = new();

    private static readonly string s_generated = EnforcementPolicyBuilder.Build().ToJson();

    private static readonly string s_older = EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
    {
        AllowPasswordChange = true,
    }).ToJson();

    [Fact]
    public async Task PlansACreateWhenThePolicyDoesNotExist()
    {
        var iam = new FakePolicyIamClient();

        PolicyPublishPlan plan = await Plan(iam, path: "/security/");

        Assert.Null(plan.Existing);
        PolicyWrite write = Assert.Single(plan.Writes);
        Assert.Equal(PolicyWriteKind.CreatePolicy, write.Kind);
        Assert.Equal("/security/MfaEnforcement", write.Target);
    }

    [Fact]
    public async Task PlanningSendsNoWrite()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("MfaEnforcement", "/", s_older, s_older, s_older, s_older, s_older);

        await Plan(iam);

        Assert.Empty(iam.Writes);
    }

    [Fact]
    public async Task CreatesThePolicyWithTheDocumentAndDescription()
    {
        var iam = new FakePolicyIamClient();
        var publisher = new PolicyPublisher(iam);
        PolicyPublishPlan plan = await publisher.PlanAsync("MfaEnforcement", null, "Requires MFA", s_defaults,
            CancellationToken.None);

        PolicyPublishResult result = await publisher.ApplyAsync(plan, CancellationToken.None);

        Assert.Equal(PolicyPublishStatus.Created, result.Status);
        Assert.Equal($"arn:aws:iam::{FakePolicyIamClient.Account}:policy/MfaEnforcement", result.Policy.Arn);
        Assert.Equal("Requires MFA", iam.Policies.Single().Description);
        Assert.True(PolicyPublisher.IsSameDocument(iam.Policies.Single().Versions.Single().Document,
            result.Document));
    }

    [Fact]
    public async Task SendsNoWriteWhenTheDefaultVersionHasTheSameDocument()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("MfaEnforcement", "/", PolicyDocument.Parse(s_generated).ToJson(indented: false));

        PolicyPublishResult result = await Publish(iam);

        Assert.Equal(PolicyPublishStatus.Unchanged, result.Status);
        Assert.Empty(iam.Writes);
    }

    [Fact]
    public async Task AddsADefaultVersionWhenTheDocumentDiffers()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("MfaEnforcement", "/", s_older);

        PolicyPublishResult result = await Publish(iam);

        Assert.Equal(PolicyPublishStatus.Updated, result.Status);
        Assert.Equal("v2", result.Policy.DefaultVersionId);
        Assert.Equal(new[] { "CreatePolicyVersion" }, iam.Writes);
        Assert.True(PolicyPublisher.IsSameDocument(iam.Policies.Single().Versions.Last().Document, result.Document));
    }

    [Fact]
    public async Task DeletesTheOldestVersionFirstWhenFiveExist()
    {
        var iam = new FakePolicyIamClient();
        FakePolicyIamClient.FakePolicy policy = iam.AddPolicy("MfaEnforcement", "/",
            s_older, s_older, s_older, s_older, s_older);

        PolicyPublishResult result = await Publish(iam);

        Assert.Equal(new[] { "DeletePolicyVersion", "CreatePolicyVersion" }, iam.Writes);
        Assert.Equal(new[] { "v2", "v3", "v4", "v5", "v6" }, policy.Versions.Select(v => v.VersionId));
        Assert.Equal("v6", result.Policy.DefaultVersionId);
    }

    [Fact]
    public async Task KeepsAnOldDefaultVersionAndDeletesTheOldestNonDefault()
    {
        var iam = new FakePolicyIamClient();
        FakePolicyIamClient.FakePolicy policy = iam.AddPolicy("MfaEnforcement", "/", s_older);
        for (int i = 0; i < 4; i++)
        {
            policy.AddVersion(s_older, DateTime.UtcNow.AddMinutes(i), setAsDefault: false);
        }

        PolicyPublishPlan plan = await Plan(iam);

        Assert.Equal("v2", plan.Writes[0].VersionId);
    }

    [Fact]
    public async Task FindsThePolicyUnderAnotherPathByName()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("MfaEnforcement", "/security/", s_older);

        PolicyPublishPlan plan = await Plan(iam);

        Assert.Equal("/security/", plan.Path);
        Assert.Contains("ListPolicies", iam.Calls);
        Assert.Equal(PolicyWriteKind.CreatePolicyVersion, Assert.Single(plan.Writes).Kind);
    }

    [Fact]
    public async Task ThrowsForAnInvalidOptionBeforeAnyWrite()
    {
        var iam = new FakePolicyIamClient();
        var options = new EnforcementPolicyOptions { AdditionalAllowedActions = { "s3:*" } };

        await Assert.ThrowsAsync<EnforcementPolicyException>(() => new PolicyPublisher(iam)
            .PlanAsync("MfaEnforcement", null, null, options, CancellationToken.None));
        Assert.Empty(iam.Writes);
    }

    [Fact]
    public async Task PassesOnAnIamFailure()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("MfaEnforcement", "/", s_older);
        iam.Policies[0].AddVersion(s_older, DateTime.UtcNow, setAsDefault: false);
        iam.Policies[0].Versions.RemoveAll(v => v.IsDefaultVersion);

        IamException failure = await Assert.ThrowsAsync<IamException>(() => Plan(iam));

        Assert.True(failure.IsNotFound);
    }

    [Theory]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
        + "\"Resource\":\"*\"}}", true)]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\"],"
        + "\"Resource\":[\"*\"]}]}", true)]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\","
        + "\"Resource\":\"*\"}]}", false)]
    [InlineData("not json", false)]
    public void ComparesDocumentsByContent(string stored, bool same)
    {
        PolicyDocument document = PolicyDocument.Parse(
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", "
            + "\"Resource\": \"*\"}]\n}");

        Assert.Equal(same, PolicyPublisher.IsSameDocument(stored, document));
    }

    [Theory]
    [InlineData("MfaEnforcement", true)]
    [InlineData("Mfa+Enforcement=v2,a.b@c_d-e", true)]
    [InlineData("has space", false)]
    [InlineData("", false)]
    public void ChecksPolicyNames(string name, bool valid)
    {
        Assert.Equal(valid, PolicyPublisher.CheckPolicyName(name) is null);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/security/mfa/", true)]
    [InlineData("security/", false)]
    [InlineData("/security", false)]
    public void ChecksPaths(string path, bool valid)
    {
        Assert.Equal(valid, PolicyPublisher.CheckPath(path) is null);
    }

    private static Task<PolicyPublishPlan> Plan(FakePolicyIamClient iam, string? path = null) =>
        new PolicyPublisher(iam).PlanAsync("MfaEnforcement", path, null, s_defaults, CancellationToken.None);

    private static async Task<PolicyPublishResult> Publish(FakePolicyIamClient iam)
    {
        var publisher = new PolicyPublisher(iam);
        PolicyPublishPlan plan = await publisher.PlanAsync("MfaEnforcement", null, null, s_defaults,
            CancellationToken.None);
        return await publisher.ApplyAsync(plan, CancellationToken.None);
    }
}
