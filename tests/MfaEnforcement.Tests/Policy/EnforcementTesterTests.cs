using System;
using System.Collections.Generic;
using System.Linq;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

public class EnforcementTesterTests
{
    private const string Account = "111122223333";

    private static readonly AppliedPolicy s_administrator =
        new("AdministratorAccess", EnforcementAnalyzerTests.AdministratorAccess);

    [Fact]
    public void FindsAdministratorAccessWithTheGeneratedPolicyEnforced()
    {
        PolicyDocument enforcement = EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
        {
            AllowPasswordChange = true,
        });

        EnforcementTestResult result = EnforcementTester.Test("alice", Account,
            new[] { s_administrator, new AppliedPolicy("MfaEnforcement", enforcement) });

        Assert.Equal(EnforcementVerdict.Enforced, result.Verdict);
        Assert.True(result.IsEnforced);
        EnforcementTestRow row = result.Row("s3:ListAllMyBuckets", SignInState.AccessKey);
        Assert.Equal(PolicyDecision.ExplicitDeny, row.Decision);
        Assert.Equal($"MfaEnforcement/{EnforcementPolicyBuilder.DenyWithoutMfaSid}", row.DecidedBy);
        Assert.Equal(PolicyDecision.Allowed, result.Row("s3:ListAllMyBuckets", SignInState.MfaFresh).Decision);
    }

    [Fact]
    public void NotesThatTheDefaultPolicyBlocksAPasswordChangeWithoutMfa()
    {
        EnforcementTestResult result = EnforcementTester.Test("alice", Account,
            new[] { s_administrator, new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build()) });

        Assert.Equal(EnforcementVerdict.Enforced, result.Verdict);
        Assert.True(result.BlocksPasswordChangeWithoutMfa);
        Assert.Contains(result.Findings, f => f.Contains("AllowPasswordChange"));
    }

    [Fact]
    public void ExplainsThatUserSlashUsernameMissesAUserWithAPath()
    {
        PolicyDocument ownMfa = PolicyDocument.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Action":["iam:EnableMFADevice","iam:ResyncMFADevice","iam:ListMFADevices","iam:GetUser"],
             "Resource":"arn:aws:iam::*:user/${aws:username}"},
             {"Effect":"Allow","Action":["iam:CreateVirtualMFADevice","iam:ListVirtualMFADevices"],"Resource":"*"}]}
            """);
        var principal = new ProbePrincipal("amara", Account, "/engineering/");

        PolicyDocument powerUser = PolicyDocument.Parse(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""");

        EnforcementTestResult result = EnforcementTester.Test(principal, new[]
        {
            new AppliedPolicy("PowerUserAccess", powerUser),
            new AppliedPolicy("ManageOwnMfa", ownMfa),
            new AppliedPolicy("RequireMfa", PolicyDocument.Parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Resource":"*",
                 "NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:GetUser","iam:ListMFADevices",
                   "iam:ListVirtualMFADevices","iam:ResyncMFADevice","sts:GetSessionToken"],
                 "Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}
                """)),
        });

        Assert.Equal(EnforcementVerdict.CannotEnroll, result.Verdict);
        Assert.Contains(result.Findings, f => f.Contains("user/*/${aws:username}"));
    }

    [Fact]
    public void FlagsTheFirstSignInDeadlockWhenAPasswordResetIsPending()
    {
        var principal = new ProbePrincipal("alice", Account) { PasswordResetRequired = true };

        EnforcementTestResult result = EnforcementTester.Test(principal,
            new[] { s_administrator, new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build()) });

        Assert.Equal(EnforcementVerdict.PasswordChangeBlocked, result.Verdict);
        Assert.True(result.IsEnforced);
        Assert.Contains(result.Findings, f => f.Contains("-AllowPasswordChange"));
    }

    [Fact]
    public void Rejudge_LearnsOfAPendingPasswordResetWithoutProbingAgain()
    {
        var principal = new ProbePrincipal("alice", Account);
        EnforcementTestResult first = EnforcementTester.Test(principal,
            new[] { s_administrator, new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build()) });
        principal.PasswordResetRequired = true;

        EnforcementTestResult second = EnforcementTester.Rejudge(first, principal);

        Assert.Equal((EnforcementVerdict.Enforced, EnforcementVerdict.PasswordChangeBlocked),
            (first.Verdict, second.Verdict));
    }

    [Fact]
    public void AllowsAPendingPasswordResetWithAllowPasswordChange()
    {
        var principal = new ProbePrincipal("alice", Account) { PasswordResetRequired = true };
        PolicyDocument policy = EnforcementPolicyBuilder.Build(
            new EnforcementPolicyOptions { AllowPasswordChange = true });

        EnforcementTestResult result = EnforcementTester.Test(principal,
            new[] { s_administrator, new AppliedPolicy("MfaEnforcement", policy) });

        Assert.Equal(EnforcementVerdict.Enforced, result.Verdict);
    }

    [Fact]
    public void ProbesEveryDefaultActionInEveryState()
    {
        EnforcementTestResult result = EnforcementTester.Test("alice", Account, new[] { s_administrator },
            new[] { "dynamodb:Scan" });

        Assert.Equal(14 * 4, result.Rows.Count);
        Assert.Equal(4, result.Rows.Count(r => r.Action == "dynamodb:Scan"));
        Assert.All(Enum.GetValues<SignInState>(), state => Assert.Contains(result.Rows, r => r.State == state));
    }

    [Fact]
    public void FindsAnAllowConditionedOnMfaAgeBesideAdministratorAccessNotEnforced()
    {
        var policies = new[]
        {
            new AppliedPolicy("RequireMfa", EnforcementAnalyzerTests.AllowOnlyWithMfaAge),
            s_administrator,
        };

        EnforcementTestResult result = EnforcementTester.Test("alice", Account, policies);

        Assert.Equal(EnforcementVerdict.NotEnforced, result.Verdict);
        Assert.False(result.IsEnforced);
        Assert.Contains(result.Findings, f => f.Contains("allowed by AdministratorAccess")
            && f.StartsWith("s3:ListAllMyBuckets stays allowed without MFA", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Contains("bypassed by policy AdministratorAccess"));
    }

    [Fact]
    public void FindsThatTheDenyAloneLeavesNoWayToEnroll()
    {
        EnforcementTestResult result = EnforcementTester.Test("alice", Account,
            new[] { new AppliedPolicy("DenyOnly", DenyOnly()) });

        Assert.Equal(EnforcementVerdict.CannotEnroll, result.Verdict);
        Assert.Contains(result.Findings, f => f.StartsWith("iam:CreateVirtualMFADevice is needed to enroll",
            StringComparison.Ordinal) && f.Contains("not allowed by any policy"));
    }

    [Fact]
    public void FindsThatDevicesNamedAfterTheUserOnlyBlockEnrollment()
    {
        PolicyDocument old = EnforcementAnalyzerTests.Parse(
            "{'Effect':'Allow','Action':'iam:CreateVirtualMFADevice',"
            + "'Resource':'arn:aws:iam::*:mfa/${aws:username}'},"
            + "{'Effect':'Allow','Action':['iam:EnableMFADevice','iam:ResyncMFADevice','iam:ListMFADevices',"
            + "'iam:GetUser','iam:ChangePassword'],'Resource':'arn:aws:iam::*:user/${aws:username}'},"
            + "{'Effect':'Allow','Action':'iam:ListVirtualMFADevices','Resource':'*'}");

        var policies = new[] { new AppliedPolicy("OldSelfService", old), new AppliedPolicy("Deny", DenyOnly()) };

        EnforcementTestResult result = EnforcementTester.Test("alice", Account, policies);

        Assert.Equal(EnforcementVerdict.CannotEnroll, result.Verdict);
        string finding = Assert.Single(result.Findings, f => f.Contains("is needed to enroll"));
        Assert.StartsWith("iam:CreateVirtualMFADevice", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void FindsPlainBoolBypassedByAccessKeys()
    {
        var policies = new[]
        {
            new AppliedPolicy("LegacyMfa", EnforcementAnalyzerTests.DenyUnderPlainBool),
            s_administrator,
        };

        EnforcementTestResult result = EnforcementTester.Test("alice", Account, policies);

        Assert.Equal(EnforcementVerdict.NotEnforced, result.Verdict);
        Assert.Equal(PolicyDecision.Allowed, result.Row("iam:CreateUser", SignInState.AccessKey).Decision);
        Assert.Equal(PolicyDecision.ExplicitDeny, result.Row("iam:CreateUser", SignInState.ConsoleNoMfa).Decision);
        Assert.Contains(result.Findings, f => f.Contains("access keys bypass it"));
    }

    [Fact]
    public void LetsAUserUnderAPathEnroll()
    {
        var principal = new ProbePrincipal("alice", Account, path: "/staff/engineering/");
        var policies = new[]
        {
            new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
            {
                AllowPasswordChange = true,
            })),
            s_administrator,
        };

        EnforcementTestResult result = EnforcementTester.Test(principal, policies);

        Assert.Equal(EnforcementVerdict.Enforced, result.Verdict);
    }

    [Fact]
    public void ReportsAnExemptUserAsNotEnforced()
    {
        var principal = new ProbePrincipal("breakglass", Account,
            tags: new Dictionary<string, string> { ["mfa-exempt"] = "true" });
        var policies = new[]
        {
            new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
            {
                ExemptionTag = "mfa-exempt",
            })),
            s_administrator,
        };

        EnforcementTestResult result = EnforcementTester.Test(principal, policies);

        Assert.Equal(EnforcementVerdict.NotEnforced, result.Verdict);
        Assert.Contains(result.Findings, f => f.Contains("exemption tag mfa-exempt=true"));
    }

    [Fact]
    public void DoesNotExemptATagValueOtherThanTrue()
    {
        var principal = new ProbePrincipal("alice", Account,
            tags: new Dictionary<string, string> { ["mfa-exempt"] = "yes" });
        var policies = new[]
        {
            new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
            {
                ExemptionTag = "mfa-exempt",
                AllowPasswordChange = true,
            })),
            s_administrator,
        };

        Assert.Equal(EnforcementVerdict.Enforced, EnforcementTester.Test(principal, policies).Verdict);
    }

    [Fact]
    public void CannotEvaluateAnAllowThatDependsOnTheSourceAddress()
    {
        PolicyDocument byAddress = EnforcementAnalyzerTests.Parse("{'Effect':'Allow','Action':'*','Resource':'*',"
            + "'Condition':{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}");

        EnforcementTestResult result = EnforcementTester.Test("alice", Account,
            new[] { new AppliedPolicy("OfficeOnly", byAddress) });

        Assert.Equal(EnforcementVerdict.CannotEvaluate, result.Verdict);
        Assert.Contains(result.Findings, f => f.Contains("aws:SourceIp"));
    }

    [Fact]
    public void ReportsAnIntendedExceptionWithoutFailingEnforcement()
    {
        var policies = new[]
        {
            new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
            {
                AllowPasswordChange = true,
                AdditionalAllowedActions = { "ec2:Describe*" },
            })),
            s_administrator,
        };

        EnforcementTestResult result = EnforcementTester.Test("alice", Account, policies,
            new[] { "ec2:DescribeInstances" });

        Assert.Equal(EnforcementVerdict.Enforced, result.Verdict);
        Assert.Contains(result.Findings, f => f.StartsWith("ec2:DescribeInstances is allowed without MFA, as",
            StringComparison.Ordinal));
    }

    [Fact]
    public void ProbesTheExpiredStateBeyondThePoliciesMaximumAge()
    {
        var policies = new[]
        {
            new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
            {
                MaxSessionAge = TimeSpan.FromHours(36),
                AllowPasswordChange = true,
            })),
            s_administrator,
        };

        EnforcementTestResult result = EnforcementTester.Test("alice", Account, policies);

        Assert.Equal(PolicyDecision.ExplicitDeny, result.Row("s3:ListAllMyBuckets", SignInState.MfaExpired).Decision);
        Assert.Equal(PolicyDecision.Allowed, result.Row("iam:EnableMFADevice", SignInState.MfaExpired).Decision);
    }

    [Fact]
    public void WarnsWhenAUserCanRemoveTheirDeviceWithoutMfa()
    {
        PolicyDocument loose = EnforcementAnalyzerTests.Parse("{'Effect':'Allow','Action':'iam:DeactivateMFADevice',"
            + "'Resource':'arn:aws:iam::*:user/${aws:username}'}");

        EnforcementTestResult result = EnforcementTester.Test("alice", Account,
            new[] { new AppliedPolicy("Loose", loose) });

        Assert.Contains(result.Findings, f => f.Contains("could remove the user's device"));
    }

    [Theory]
    [InlineData("s3:*")]
    [InlineData("nocolon")]
    public void RejectsAnExtraActionThatIsNotOne(string action)
    {
        Assert.Throws<ArgumentException>(() => EnforcementTester.Test("alice", Account, new[] { s_administrator },
            new[] { action }));
    }

    private static PolicyDocument DenyOnly() => new(new[]
    {
        EnforcementPolicyBuilder.Build().FindStatement(EnforcementPolicyBuilder.DenyWithoutMfaSid)!,
    });
}
