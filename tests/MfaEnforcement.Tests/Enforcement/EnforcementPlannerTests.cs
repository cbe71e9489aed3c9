using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Enforcement;
using MfaEnforcement.Core.Iam;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Enforcement;

public class EnforcementPlannerTests
{
    private static readonly string s_defaultArn = FakeIamClient.PolicyArn(EnforcementRequest.DefaultPolicyName);

    internal static EnforcementRequest Users(params string[] names) => new()
    {
        Targets = names.Select(EnforcementTarget.User).ToList(),
    };

    internal static Task<EnforcementPlan> PlanAsync(FakeIamClient iam, EnforcementRequest request, bool bulk = true)
    {
        if (!bulk)
        {
            iam.Failures["GetAccountAuthorizationDetails:"] = "AccessDenied";
        }

        return new EnforcementPlanner(iam).PlanAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task PlansThePolicyCreationFirstOnAFreshAccount()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice");

        var plan = await PlanAsync(iam, Users("alice"));

        Assert.Equal(
            new[] { EnforcementStepKind.CreatePolicy, EnforcementStepKind.AttachUserPolicy },
            plan.Steps.Select(s => s.Kind));
        Assert.Equal(s_defaultArn, plan.PolicyArn);
    }

    [Fact]
    public async Task SendsNoWriteWhilePlanning()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice", password: true);
        iam.AddGroup("Developers", "alice");

        await PlanAsync(iam, new EnforcementRequest
        {
            Targets = new[] { EnforcementTarget.User("alice"), EnforcementTarget.Group("Developers") },
            ViaGroup = "Enforced",
        });

        Assert.Empty(iam.Writes);
    }

    [Fact]
    public async Task LeavesOutUsersThatAlreadyHaveThePolicy()
    {
        var iam = new FakeIamClient();
        iam.AddPolicy(EnforcementRequest.DefaultPolicyName);
        iam.AddUser("alice").Policies.Add(s_defaultArn);
        iam.AddUser("bob");

        var plan = await PlanAsync(iam, Users("alice", "bob"));

        Assert.Equal("bob", Assert.Single(plan.Steps).Target?.Name);
        Assert.Contains("alice", Assert.Single(plan.Unchanged));
    }

    [Fact]
    public async Task SkipsExemptUsersWithOneWarning()
    {
        var iam = new FakeIamClient();
        iam.AddUser("breakglass").Tags["mfa-exempt"] = "true";
        iam.AddUser("alice");

        var plan = await PlanAsync(iam, Users("breakglass", "alice"));

        Assert.DoesNotContain(plan.Steps, s => s.Target?.Name == "breakglass");
        Assert.Contains(plan.Warnings, w => w.Contains("breakglass") && w.Contains("mfa-exempt=true"));
    }

    [Fact]
    public async Task StopsTheCallerWithoutMfaFromLockingThemselvesOut()
    {
        var iam = new FakeIamClient();
        iam.AddUser("admin");

        var plan = await PlanAsync(iam, Users("admin"));

        Assert.Contains("Enroll a device first", plan.Lockout);
    }

    [Fact]
    public async Task SeesTheCallerAsAMemberOfATargetGroup()
    {
        var iam = new FakeIamClient();
        iam.AddUser("admin");
        iam.AddGroup("Admins", "admin");

        var request = new EnforcementRequest { Targets = new[] { EnforcementTarget.Group("Admins") } };

        var plan = await PlanAsync(iam, request);

        Assert.Contains("a member of group 'Admins'", plan.Lockout);
    }

    [Fact]
    public async Task WarnsTheCallerWithMfaAboutTheirLongTermKey()
    {
        var iam = new FakeIamClient();
        iam.AddUser("admin", mfa: true);
        var request = Users("admin");
        request.CallerAccessKeyId = () => "AKIAIOSFODNN7EXAMPLE";

        var plan = await PlanAsync(iam, request);

        Assert.Null(plan.Lockout);
        Assert.Contains(plan.Warnings, w => w.Contains("AKIAIOSFODNN7EXAMPLE") && w.Contains("New-MfaSession"));
    }

    [Fact]
    public async Task ListsConsoleUsersWithoutMfaInOneWarning()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice", password: true);
        iam.AddUser("bob", password: true);
        iam.AddUser("carol", password: true, mfa: true);

        var plan = await PlanAsync(iam, Users("alice", "bob", "carol"));

        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("2 users can sign in to the console without an MFA device: alice, bob.", warning);
    }

    [Fact]
    public async Task WarnsOfTheFirstSignInDeadlockAndNamesTheOption()
    {
        var iam = new FakeIamClient();
        iam.AddUser("carol", password: true, reset: true);

        var plan = await PlanAsync(iam, Users("carol"));

        Assert.Contains(plan.Warnings, w => w.Contains("carol") && w.Contains("-AllowPasswordChange"));
    }

    [Fact]
    public async Task TrustsAPolicyThatAllowsPasswordChange()
    {
        var iam = new FakeIamClient();
        var document = EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions { AllowPasswordChange = true });
        iam.AddPolicy(EnforcementRequest.DefaultPolicyName, PolicyWriter.Write(document, indented: false));
        iam.AddUser("carol", password: true, reset: true);

        var plan = await PlanAsync(iam, Users("carol"));

        Assert.DoesNotContain(plan.Warnings, w => w.Contains("-AllowPasswordChange"));
    }

    [Fact]
    public async Task ReportsAMissingUserAndPlansTheOthers()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice");

        var plan = await PlanAsync(iam, Users("ghost", "alice"));

        var failure = Assert.Single(plan.Failures);
        Assert.Equal("User 'ghost'", failure.Subject);
        Assert.True(failure.Exception.IsNotFound);
        Assert.Contains(plan.Steps, s => s.Target?.Name == "alice");
    }

    [Fact]
    public async Task RefusesANamedPolicyThatDoesNotExist()
    {
        var iam = new FakeIamClient();
        iam.AddUser("alice");
        var request = Users("alice");
        request.PolicyName = "Custom";

        var e = await Assert.ThrowsAsync<IamException>(() => PlanAsync(iam, request));

        Assert.Contains("New-MfaEnforcementPolicy", e.Message);
    }

    [Fact]
    public async Task PlansTheViaGroupBeforeAddingUsersToIt()
    {
        var iam = new FakeIamClient();
        iam.AddPolicy(EnforcementRequest.DefaultPolicyName);
        iam.AddUser("alice");
        var request = Users("alice");
        request.ViaGroup = "MfaEnforced";

        var plan = await PlanAsync(iam, request);

        Assert.Equal(
            new[]
            {
                EnforcementStepKind.CreateGroup, EnforcementStepKind.AttachGroupPolicy,
                EnforcementStepKind.AddUserToGroup,
            },
            plan.Steps.Select(s => s.Kind));
        Assert.Equal("Add to group 'MfaEnforced', which has the MFA enforcement policy " +
            $"'{s_defaultArn}' attached", plan.Steps[2].ActionText);
    }

    [Fact]
    public async Task CoversTheUsersAndTheGroupMembersForPassThru()
    {
        var iam = new FakeIamClient();
        iam.AddUser("admin", mfa: true);
        iam.AddUser("breakglass").Tags["mfa-exempt"] = "true";
        iam.AddUser("dev1");
        iam.AddGroup("Developers", "dev1", "admin");
        var request = new EnforcementRequest
        {
            Targets = new[]
            {
                EnforcementTarget.User("breakglass"), EnforcementTarget.Group("Developers"),
                EnforcementTarget.User("ghost"),
            },
        };

        var plan = await PlanAsync(iam, request);

        Assert.Equal(new[] { "breakglass", "dev1", "admin" }, plan.CoveredUsers);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/staff/alice", EnforcementTargetKind.User, "alice")]
    [InlineData("arn:aws-cn:iam::123456789012:group/Developers", EnforcementTargetKind.Group, "Developers")]
    public void ReadsUserAndGroupArns(string arn, EnforcementTargetKind kind, string name)
    {
        var target = EnforcementTarget.FromArn(arn, out var problem);

        Assert.Null(problem);
        Assert.Equal(kind, target!.Kind);
        Assert.Equal(name, target.Name);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/Deploy")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("alice")]
    public void RefusesOtherArns(string arn)
    {
        Assert.Null(EnforcementTarget.FromArn(arn, out var problem));
        Assert.NotNull(problem);
    }

    private static FakeIamClient ManyUsers(int count, int attached)
    {
        var iam = new FakeIamClient();
        iam.AddPolicy(EnforcementRequest.DefaultPolicyName);
        for (var i = 1; i <= count; i++)
        {
            var user = iam.AddUser($"user{i:d2}");
            if (i <= attached)
            {
                user.Policies.Add(s_defaultArn);
            }
        }

        return iam;
    }

    private static string[] Names(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(i => $"user{i:d2}").ToArray();

    private static int CallsTo(FakeIamClient iam, string action) =>
        iam.Calls.Count(c => c.StartsWith(action + ":", System.StringComparison.Ordinal));

    [Fact]
    public async Task ReadsManyNamedUsersInBulkInsteadOfOneByOne()
    {
        var iam = ManyUsers(30, attached: 5);

        await PlanAsync(iam, Users(Names(1, 12)));

        Assert.Equal((1, 0, 0), (CallsTo(iam, "GetAccountAuthorizationDetails"), CallsTo(iam, "GetUser"),
            CallsTo(iam, "ListAttachedUserPolicies")));
    }

    [Fact]
    public async Task PlansFromTheBulkReadWhatTheOneByOneReadsWouldPlan()
    {
        var bulk = await PlanAsync(ManyUsers(30, attached: 5), Users(Names(1, 12)));
        var oneByOne = await PlanAsync(ManyUsers(30, attached: 5), Users(Names(1, 12)), bulk: false);

        Assert.Equal(
            oneByOne.Steps.Select(s => (s.Kind, s.Target?.Name)),
            bulk.Steps.Select(s => (s.Kind, s.Target?.Name)));
        Assert.Equal(Names(6, 12), bulk.Steps.Select(s => s.Target?.Name));
    }

    [Fact]
    public async Task ReadsAFewNamedUsersOneByOne()
    {
        var iam = ManyUsers(30, attached: 0);

        await PlanAsync(iam, Users(Names(1, 10)));

        Assert.Equal((0, 10), (CallsTo(iam, "GetAccountAuthorizationDetails"), CallsTo(iam, "GetUser")));
    }

    [Fact]
    public async Task ReportsAUserMissingFromTheBulkReadAsNotFound()
    {
        var iam = ManyUsers(12, attached: 0);

        var plan = await PlanAsync(iam, Users(Names(1, 12).Append("ghost").ToArray()));

        var failure = Assert.Single(plan.Failures);
        Assert.Equal(("User 'ghost'", true, 12), (failure.Subject, failure.Exception.IsNotFound, plan.Steps.Count));
    }

    [Fact]
    public async Task FindsNamedUsersInTheBulkReadRegardlessOfCase()
    {
        var iam = ManyUsers(12, attached: 0);

        var plan = await PlanAsync(iam, Users(Names(1, 12).Select(n => n.ToUpperInvariant()).ToArray()));

        Assert.Equal((0, 12), (plan.Failures.Count, plan.Steps.Count(s => s.Target?.Name.StartsWith("user") == true)));
    }

    [Fact]
    public async Task SkipsExemptUsersFoundByTheBulkRead()
    {
        var iam = ManyUsers(12, attached: 0);
        iam.Users["user03"].Tags["mfa-exempt"] = "true";

        var plan = await PlanAsync(iam, Users(Names(1, 12)));

        Assert.Equal((11, false), (plan.Steps.Count, plan.Steps.Any(s => s.Target?.Name == "user03")));
    }

    [Theory]
    [InlineData("AccessDenied")]
    [InlineData("ServiceFailure")]
    public async Task FallsBackToOneByOneReadsWhenTheBulkReadFails(string code)
    {
        var iam = ManyUsers(12, attached: 2);
        iam.Failures["GetAccountAuthorizationDetails:"] = code;

        var plan = await PlanAsync(iam, Users(Names(1, 12)));

        Assert.Equal((12, 10, 0), (CallsTo(iam, "GetUser"), plan.Steps.Count, plan.Failures.Count));
    }

    [Fact]
    public async Task StopsWhenTheBulkReadFailsForEveryCallAlike()
    {
        var iam = ManyUsers(12, attached: 0);
        iam.Failures["GetAccountAuthorizationDetails:"] = "ExpiredToken";

        var error = await Assert.ThrowsAsync<IamException>(() => PlanAsync(iam, Users(Names(1, 12))));

        Assert.Equal(("ExpiredToken", 0), (error.ErrorCode, CallsTo(iam, "GetUser")));
    }

    [Fact]
    public async Task PlansARemovalFromTheBulkRead()
    {
        var iam = ManyUsers(30, attached: 4);
        var request = Users(Names(1, 12));
        request.Direction = EnforcementDirection.Remove;

        var plan = await PlanAsync(iam, request);

        Assert.Equal(
            (0, string.Join(",", Names(1, 4))),
            (CallsTo(iam, "ListAttachedUserPolicies"), string.Join(",", plan.Steps.Select(s => s.Target!.Name))));
    }
}
