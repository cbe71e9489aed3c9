using System;
using System.Collections.Generic;
using System.Linq;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

public class EnforcementPolicyBuilderTests
{
    private const string Additional = "sts:AssumeRole";

    private static readonly PolicyDocument s_administratorAccess = PolicyDocument.Parse(
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

    /// <summary>Every combination of the five options.</summary>
    public static IEnumerable<object[]> Combinations =>
        Enumerable.Range(0, 32).Select(bits => new object[]
        {
            (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0,
        });

    [Theory]
    [MemberData(nameof(Combinations))]
    public void StaysUnderIamsSizeLimit(bool maxAge, bool password, bool selfService, bool exemption, bool additional)
    {
        PolicyDocument document = EnforcementPolicyBuilder.Build(Options(maxAge, password, selfService, exemption,
            additional));

        Assert.True(document.MinifiedLength < PolicyDocument.ManagedPolicyMaxLength, $"{document.MinifiedLength}");
        Assert.Equal(document.MinifiedLength, PolicyDocument.MeasureMinifiedLength(document.ToJson()));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void GivesTheExpectedDecisionsBesideAdministratorAccess(bool maxAge, bool password, bool selfService,
        bool exemption, bool additional)
    {
        EnforcementPolicyOptions options = Options(maxAge, password, selfService, exemption, additional);

        EnforcementTestResult result = Run(options, withAdministrator: true, tagged: false);

        foreach (EnforcementTestRow row in result.Rows)
        {
            PolicyDecision expected = ExpectedBesideAdministrator(options, row.Action, row.State);
            Assert.True(expected == row.Decision, $"{row}: expected {expected}");
        }

        Assert.Equal(EnforcementVerdict.Enforced, result.Verdict);
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void GivesTheExpectedDecisionsOnItsOwn(bool maxAge, bool password, bool selfService, bool exemption,
        bool additional)
    {
        EnforcementPolicyOptions options = Options(maxAge, password, selfService, exemption, additional);

        EnforcementTestResult result = Run(options, withAdministrator: false, tagged: false);

        foreach (EnforcementTestRow row in result.Rows)
        {
            PolicyDecision expected = ExpectedAlone(options, row.Action, row.State);
            Assert.True(expected == row.Decision, $"{row}: expected {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void SparesAnExemptPrincipalOnlyWhenThereIsAnExemption(bool maxAge, bool password, bool selfService,
        bool exemption, bool additional)
    {
        EnforcementPolicyOptions options = Options(maxAge, password, selfService, exemption, additional);

        EnforcementTestResult result = Run(options, withAdministrator: true, tagged: true);

        PolicyDecision expected = exemption ? PolicyDecision.Allowed : PolicyDecision.ExplicitDeny;
        Assert.Equal(expected, result.Row("s3:ListAllMyBuckets", SignInState.AccessKey).Decision);
        Assert.Equal(expected, result.Row("ec2:TerminateInstances", SignInState.ConsoleNoMfa).Decision);
        EnforcementVerdict verdict = exemption ? EnforcementVerdict.NotEnforced : EnforcementVerdict.Enforced;
        Assert.Equal(verdict, result.Verdict);
    }

    [Fact]
    public void CreatesVirtualDevicesOnAnyNameNotTheUsersName()
    {
        PolicyDocument document = EnforcementPolicyBuilder.Build();

        PolicyStatement create = document.Statements.Single(s => s.Actions.Contains("iam:CreateVirtualMFADevice"));
        Assert.Equal(new[] { "arn:aws:iam::*:mfa/*" }, create.Resources);
    }

    [Fact]
    public void DeniesUnderBoolIfExistsSoAccessKeysAreCaught()
    {
        PolicyDocument document = EnforcementPolicyBuilder.Build();

        PolicyStatement deny = document.FindStatement(EnforcementPolicyBuilder.DenyWithoutMfaSid)!;
        PolicyCondition condition = Assert.Single(deny.Conditions);
        Assert.Equal("BoolIfExists", condition.Operator);
        Assert.Equal("aws:MultiFactorAuthPresent", condition.Key);
        Assert.Equal(new[] { "*" }, deny.Resources);
        Assert.Equal(MfaActions.Enrollment, deny.NotActions);
    }

    [Fact]
    public void WritesTheMaximumAgeInSeconds()
    {
        PolicyDocument document = EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
        {
            MaxSessionAge = TimeSpan.FromHours(8),
        });

        PolicyCondition age = document.FindStatement(EnforcementPolicyBuilder.DenyStaleMfaSid)!.Conditions.Single();
        Assert.Equal("NumericGreaterThan", age.Operator);
        Assert.Equal(new[] { "28800" }, age.Values);
    }

    [Fact]
    public void UsesThePartitionInEveryArn()
    {
        string json = EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions { Partition = "aws-cn" }).ToJson();

        Assert.Contains("arn:aws-cn:iam::*:mfa/*", json);
        Assert.DoesNotContain("arn:aws:", json);
    }

    [Fact]
    public void AcceptsAnAdditionalActionAlreadyInTheList()
    {
        PolicyDocument document = EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
        {
            AdditionalAllowedActions = { "iam:getuser", "ec2:Describe*" },
        });

        PolicyStatement deny = document.FindStatement(EnforcementPolicyBuilder.DenyWithoutMfaSid)!;
        Assert.Equal(MfaActions.Enrollment.Count + 1, deny.NotActions.Count);
        Assert.Contains("ec2:Describe*", deny.NotActions);
    }

    [Theory]
    [InlineData(14 * 60, "between 15 minutes and 36 hours")]
    [InlineData(36 * 3600 + 1, "between 15 minutes and 36 hours")]
    public void RejectsAMaximumAgeOutsideWhatASessionCanLast(int seconds, string expected)
    {
        var options = new EnforcementPolicyOptions { MaxSessionAge = TimeSpan.FromSeconds(seconds) };

        EnforcementPolicyException error = Assert.Throws<EnforcementPolicyException>(
            () => EnforcementPolicyBuilder.Build(options));

        Assert.Contains(expected, error.Message);
        Assert.Equal(nameof(EnforcementPolicyOptions.MaxSessionAge), error.ParamName);
    }

    [Fact]
    public void RejectsAMaximumAgeWithAFractionOfASecond()
    {
        var options = new EnforcementPolicyOptions { MaxSessionAge = TimeSpan.FromMilliseconds(3_600_500) };

        EnforcementPolicyException error = Assert.Throws<EnforcementPolicyException>(
            () => EnforcementPolicyBuilder.Build(options));

        Assert.Contains("whole seconds", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("aws:exempt")]
    [InlineData("mfa exempt!")]
    [InlineData("tag\"quote")]
    public void RejectsAnExemptionTagThatIsNotATagKey(string tag)
    {
        var options = new EnforcementPolicyOptions { ExemptionTag = tag };

        EnforcementPolicyException error = Assert.Throws<EnforcementPolicyException>(
            () => EnforcementPolicyBuilder.Build(options));

        Assert.Contains("is not a valid tag key", error.Message);
        Assert.Equal(nameof(EnforcementPolicyOptions.ExemptionTag), error.ParamName);
    }

    [Theory]
    [InlineData("s3ListBuckets", "is not an action")]
    [InlineData("s3:List Buckets", "is not an action")]
    [InlineData("*", "is not an action")]
    [InlineData("*:Get*", "is not an action")]
    [InlineData("s3:*", "whole service")]
    [InlineData("s3:List*", "would let s3:ListAllMyBuckets through without MFA")]
    [InlineData("iam:*User*", "would let iam:CreateUser through without MFA")]
    public void RejectsAnAdditionalActionNamingTheBadValue(string action, string expected)
    {
        var options = new EnforcementPolicyOptions { AdditionalAllowedActions = { "sts:AssumeRole", action } };

        EnforcementPolicyException error = Assert.Throws<EnforcementPolicyException>(
            () => EnforcementPolicyBuilder.Build(options));

        Assert.Contains($"'{action}'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void RejectsAPartitionThatIsNotOne()
    {
        var options = new EnforcementPolicyOptions { Partition = "azure" };

        Assert.Throws<EnforcementPolicyException>(() => EnforcementPolicyBuilder.Build(options));
    }

    [Fact]
    public void RefusesAPolicyOverIamsSizeLimit()
    {
        var options = new EnforcementPolicyOptions();
        for (int i = 0; i < 300; i++)
        {
            options.AdditionalAllowedActions.Add($"service{i}:SomeRatherLongActionName{i}");
        }

        EnforcementPolicyException error = Assert.Throws<EnforcementPolicyException>(
            () => EnforcementPolicyBuilder.Build(options));

        Assert.Contains("over IAM's limit of 6144", error.Message);
    }

    private static EnforcementPolicyOptions Options(bool maxAge, bool password, bool selfService, bool exemption,
        bool additional)
    {
        var options = new EnforcementPolicyOptions
        {
            MaxSessionAge = maxAge ? TimeSpan.FromHours(4) : null,
            AllowPasswordChange = password,
            AllowSelfServiceCredentials = selfService,
            ExemptionTag = exemption ? "mfa-exempt" : null,
        };
        if (additional)
        {
            options.AdditionalAllowedActions.Add(Additional);
        }

        return options;
    }

    private static EnforcementTestResult Run(EnforcementPolicyOptions options, bool withAdministrator, bool tagged)
    {
        var policies = new List<AppliedPolicy>
        {
            new("MfaEnforcement", EnforcementPolicyBuilder.Build(options), PolicyAttachment.Group, "Everyone"),
        };
        if (withAdministrator)
        {
            policies.Add(new AppliedPolicy("AdministratorAccess", s_administratorAccess));
        }

        var tags = tagged ? new Dictionary<string, string> { ["mfa-exempt"] = "true" } : null;
        var principal = new ProbePrincipal("alice", "111122223333", tags: tags);
        return EnforcementTester.Test(principal, policies, new[] { Additional });
    }

    /// <summary>What the generated policy and AdministratorAccess together decide.</summary>
    private static PolicyDecision ExpectedBesideAdministrator(EnforcementPolicyOptions options, string action,
        SignInState state)
    {
        bool passesDeny = MfaActions.Enrollment.Contains(action)
            || (options.AllowPasswordChange && MfaActions.PasswordChange.Contains(action))
            || options.AdditionalAllowedActions.Contains(action);
        return passesDeny || !IsDenied(options, state) ? PolicyDecision.Allowed : PolicyDecision.ExplicitDeny;
    }

    /// <summary>What the generated policy decides on its own.</summary>
    private static PolicyDecision ExpectedAlone(EnforcementPolicyOptions options, string action, SignInState state)
    {
        bool passesDeny = MfaActions.Enrollment.Contains(action)
            || (options.AllowPasswordChange && MfaActions.PasswordChange.Contains(action))
            || options.AdditionalAllowedActions.Contains(action);
        if (!passesDeny && IsDenied(options, state))
        {
            return PolicyDecision.ExplicitDeny;
        }

        bool allowed = action switch
        {
            "sts:GetSessionToken" => false,
            "iam:DeactivateMFADevice" => state is SignInState.MfaFresh or SignInState.MfaExpired,
            "iam:CreateAccessKey" => options.AllowSelfServiceCredentials,
            _ => MfaActions.Enrollment.Contains(action) || action == "iam:ChangePassword",
        };
        return allowed ? PolicyDecision.Allowed : PolicyDecision.ImplicitDeny;
    }

    /// <summary>Whether the policy's denies apply to an untagged user in this state.</summary>
    private static bool IsDenied(EnforcementPolicyOptions options, SignInState state) => state switch
    {
        SignInState.AccessKey or SignInState.ConsoleNoMfa => true,
        SignInState.MfaExpired => options.MaxSessionAge is not null,
        _ => false,
    };
}
