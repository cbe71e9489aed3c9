using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

public class EnforcementPolicyFinderTests
{
    private const string Administrator = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private static readonly string s_generated = EnforcementPolicyBuilder.Build().ToJson();

    private static readonly string s_plainBool = EnforcementAnalyzerTests.DenyUnderPlainBool.ToJson();

    private static readonly string s_allowWithMfa = EnforcementAnalyzerTests.AllowOnlyWithMfaAge.ToJson();

    [Fact]
    public async Task FindsEnforcementByContentNotByName()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("BreakGlassRules", "/", s_generated);
        iam.AddPolicy("MfaEnforcement", "/", s_allowWithMfa);
        iam.AddPolicy("Admins", "/", Administrator);

        IReadOnlyList<FoundEnforcementPolicy> found = await Find(iam);

        Assert.Equal("BreakGlassRules", Assert.Single(found).Policy.PolicyName);
    }

    [Fact]
    public async Task ReportsAConsoleOnlyDenyWithItsLevel()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("OldRequireMfa", "/", s_plainBool);

        FoundEnforcementPolicy found = Assert.Single(await Find(iam));

        Assert.Equal(MfaEnforcementLevel.ConsoleOnly, found.Analysis.Level);
    }

    [Fact]
    public async Task JudgesTheDefaultVersionOnly()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("Formerly", "/", s_generated, Administrator);

        Assert.Empty(await Find(iam));
    }

    [Fact]
    public async Task ListsWhatEachPolicyIsAttachedTo()
    {
        var iam = new FakePolicyIamClient();
        FakePolicyIamClient.FakePolicy policy = iam.AddPolicy("MfaEnforcement", "/", s_generated);
        policy.Entities.Add(new PolicyEntity(PolicyEntityKind.Group, "Developers"));
        policy.Entities.Add(new PolicyEntity(PolicyEntityKind.User, "alice"));

        FoundEnforcementPolicy found = Assert.Single(await Find(iam));

        Assert.Equal(new[] { "Developers", "alice" }, found.AttachedTo.Select(e => e.Name));
    }

    [Fact]
    public async Task AsksForAttachmentsOnlyOfAttachedPolicies()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("MfaEnforcement", "/", s_generated);

        await Find(iam);

        Assert.DoesNotContain("ListEntitiesForPolicy", iam.Calls);
    }

    [Fact]
    public async Task KeepsOnlyTheNamesTheFilterAccepts()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("MfaEnforcement", "/", s_generated);
        iam.AddPolicy("MfaStaging", "/", s_generated);

        IReadOnlyList<FoundEnforcementPolicy> found = await EnforcementPolicyFinder.FindAsync(iam,
            name => name.EndsWith("Staging", StringComparison.Ordinal), null, CancellationToken.None);

        Assert.Equal("MfaStaging", Assert.Single(found).Policy.PolicyName);
    }

    [Fact]
    public async Task CollectsAUsersDirectInlineAndGroupPolicies()
    {
        FakePolicyIamClient iam = AccountWithAlice();

        UserPolicySet alice = (await Read(iam)).FindUser("ALICE")!;

        Assert.Equal(new[] { "MfaEnforcement", "Scratch (inline)", "AdministratorAccess (group Admins)" },
            alice.Policies.Select(p => p.Label));
        Assert.Empty(alice.Problems);
    }

    [Fact]
    public async Task ReadsTheUserAsAProbePrincipal()
    {
        FakePolicyIamClient iam = AccountWithAlice();

        ProbePrincipal alice = (await Read(iam)).FindUser("alice")!.Principal;

        Assert.Equal($"arn:aws:iam::{FakePolicyIamClient.Account}:user/staff/alice", alice.UserArn);
        Assert.Equal("true", alice.Tags["mfa-exempt"]);
    }

    [Fact]
    public async Task ReadsAManagedPolicyTheBulkReadLeftOut()
    {
        FakePolicyIamClient iam = AccountWithAlice();

        await Read(iam);

        Assert.Contains("GetPolicyVersion", iam.Calls);
    }

    [Fact]
    public async Task ReportsAPolicyThatCannotBeRead()
    {
        FakePolicyIamClient iam = AccountWithAlice();
        iam.Users.Add(Detail("bob", inline: new InlinePolicyInfo("Broken", "{not json")));

        UserPolicySet bob = (await Read(iam)).FindUser("bob")!;

        Assert.Contains("Broken", Assert.Single(bob.Problems));
    }

    [Fact]
    public async Task ReturnsNullForAnUnknownUser()
    {
        Assert.Null((await Read(AccountWithAlice())).FindUser("mallory"));
    }

    [Fact]
    public async Task TestsAliceAsEnforcedEndToEnd()
    {
        FakePolicyIamClient iam = AccountWithAlice();
        iam.Policies.Single(p => p.Name == "MfaEnforcement").Versions[0] = new PolicyVersionInfo("v1", true,
            DateTime.UtcNow, EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
            {
                AllowPasswordChange = true,
            }).ToJson());
        UserPolicySet alice = (await Read(iam)).FindUser("alice")!;
        var untagged = new ProbePrincipal("alice", FakePolicyIamClient.Account, "/staff/");

        EnforcementTestResult result = EnforcementTester.Test(untagged, alice.Policies);

        Assert.Equal(EnforcementVerdict.Enforced, result.Verdict);
    }

    private static FakePolicyIamClient AccountWithAlice()
    {
        var iam = new FakePolicyIamClient();
        iam.AddPolicy("MfaEnforcement", "/", s_generated);
        iam.HiddenPolicies.Add(new FakePolicyIamClient.FakePolicy("AdministratorAccess", "/",
            "arn:aws:iam::aws:policy/AdministratorAccess"));
        iam.HiddenPolicies[0].AddVersion(Administrator, DateTime.UtcNow);
        iam.Groups.Add(new GroupAuthorizationDetail(
            new IamGroupInfo("Admins", "AGPAADMINS", $"arn:aws:iam::{FakePolicyIamClient.Account}:group/Admins", "/",
                DateTime.UtcNow),
            new[] { new AttachedPolicyInfo("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess") },
            Array.Empty<InlinePolicyInfo>()));
        iam.Users.Add(Detail("alice", "/staff/", new InlinePolicyInfo("Scratch", Administrator), "Admins"));
        return iam;
    }

    private static UserAuthorizationDetail Detail(string name, string path = "/", InlinePolicyInfo? inline = null,
        string? group = null)
    {
        var tags = new Dictionary<string, string> { ["mfa-exempt"] = "true" };
        var user = new IamUserInfo(name, "AIDA" + name.ToUpperInvariant(),
            $"arn:aws:iam::{FakePolicyIamClient.Account}:user{path}{name}", path, DateTime.UtcNow, null, tags);
        AttachedPolicyInfo[] attached = group is null
            ? Array.Empty<AttachedPolicyInfo>()
            : new[]
            {
                new AttachedPolicyInfo("MfaEnforcement",
                    $"arn:aws:iam::{FakePolicyIamClient.Account}:policy/MfaEnforcement"),
            };
        return new UserAuthorizationDetail(user, group is null ? Array.Empty<string>() : new[] { group }, attached,
            inline is null ? Array.Empty<InlinePolicyInfo>() : new[] { inline });
    }

    private static Task<IReadOnlyList<FoundEnforcementPolicy>> Find(FakePolicyIamClient iam) =>
        EnforcementPolicyFinder.FindAsync(iam, null, null, CancellationToken.None);

    private static Task<AccountPolicySnapshot> Read(FakePolicyIamClient iam) =>
        EnforcementPolicyFinder.ReadAccountAsync(iam, null, CancellationToken.None);
}
