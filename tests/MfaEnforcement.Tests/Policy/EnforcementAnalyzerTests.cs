using System;
using System.Linq;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

public class EnforcementAnalyzerTests
{
    internal static readonly PolicyDocument AdministratorAccess = Parse(
        "{'Effect':'Allow','Action':'*','Resource':'*'}");

    internal static readonly PolicyDocument AllowOnlyWithMfaAge = Parse(
        "{'Sid':'AllowWithMfa','Effect':'Allow','Action':'*','Resource':'*',"
        + "'Condition':{'Null':{'aws:MultiFactorAuthAge':'false'}}}");

    internal static readonly PolicyDocument DenyUnderPlainBool = Parse(
        "{'Sid':'DenyNoMfa','Effect':'Deny','NotAction':['iam:CreateVirtualMFADevice','iam:EnableMFADevice',"
        + "'iam:GetUser','iam:ListMFADevices','iam:ListVirtualMFADevices','iam:ResyncMFADevice',"
        + "'sts:GetSessionToken'],'Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'false'}}}");

    [Fact]
    public void RecognisesTheGeneratedPolicyAsFullEnforcement()
    {
        PolicyDocument document = EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
        {
            MaxSessionAge = TimeSpan.FromHours(12),
            ExemptionTag = "mfa-exempt",
        });

        PolicyEnforcement analysis = EnforcementAnalyzer.Analyze(document, "MfaEnforcement");

        Assert.True(analysis.EnforcesMfa);
        Assert.Equal(TimeSpan.FromHours(12), analysis.MaxSessionAge);
        Assert.Equal("mfa-exempt", analysis.ExemptionTag);
        Assert.Equal(EnforcementPolicyBuilder.DenyWithoutMfaSid, analysis.EnforcingStatement!.Sid);
        Assert.False(analysis.IsAllowConditionedOnMfa);
        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void RecognisesADenyOnAMissingMfaAgeAsFullEnforcement()
    {
        PolicyDocument document = Parse("{'Effect':'Deny','NotAction':'sts:GetSessionToken','Resource':'*',"
            + "'Condition':{'Null':{'aws:MultiFactorAuthAge':'true'}}}");

        Assert.Equal(MfaEnforcementLevel.Full, EnforcementAnalyzer.Analyze(document).Level);
    }

    [Fact]
    public void FlagsPlainBoolAsBypassedByAccessKeys()
    {
        PolicyEnforcement analysis = EnforcementAnalyzer.Analyze(DenyUnderPlainBool, "LegacyMfa");

        Assert.Equal(MfaEnforcementLevel.ConsoleOnly, analysis.Level);
        Assert.False(analysis.EnforcesMfa);
        string finding = Assert.Single(analysis.Findings);
        Assert.Contains("access keys bypass it", finding);
        Assert.Contains("LegacyMfa", finding);
    }

    [Fact]
    public void RecognisesAnAllowConditionedOnMfa()
    {
        PolicyEnforcement analysis = EnforcementAnalyzer.Analyze(AllowOnlyWithMfaAge, "RequireMfa");

        Assert.Equal(MfaEnforcementLevel.None, analysis.Level);
        Assert.True(analysis.IsAllowConditionedOnMfa);
        Assert.Contains(analysis.Findings, f => f.Contains("allows add up"));
    }

    [Theory]
    [InlineData("'Bool':{'aws:MultiFactorAuthPresent':true}")]
    [InlineData("'NumericLessThan':{'aws:MultiFactorAuthAge':'3600'}")]
    public void RecognisesOtherFormsOfAnAllowConditionedOnMfa(string condition)
    {
        PolicyDocument document = Parse("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{" + condition
            + "}}");

        Assert.True(EnforcementAnalyzer.Analyze(document).IsAllowConditionedOnMfa);
    }

    [Theory]
    [InlineData("{'Effect':'Deny','NotAction':['sts:GetSessionToken','s3:*'],'Resource':'*',"
        + "'Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}}", "does not deny s3:ListAllMyBuckets")]
    [InlineData("{'Effect':'Deny','Action':'*','Resource':'arn:aws:s3:::*',"
        + "'Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}}", "only on some resources")]
    [InlineData("{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'BoolIfExists':"
        + "{'aws:MultiFactorAuthPresent':'false'},'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}",
        "only when IpAddress aws:SourceIp")]
    public void DoesNotCountANarrowDenyAsEnforcement(string statement, string expected)
    {
        PolicyEnforcement analysis = EnforcementAnalyzer.Analyze(Parse(statement));

        Assert.Equal(MfaEnforcementLevel.None, analysis.Level);
        Assert.Contains(analysis.Findings, f => f.Contains(expected));
    }

    [Fact]
    public void ReportsActionsTheDenyLetsThroughBeyondSelfService()
    {
        PolicyDocument document = EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
        {
            AdditionalAllowedActions = { "ec2:Describe*" },
        });

        PolicyEnforcement analysis = EnforcementAnalyzer.Analyze(document);

        Assert.True(analysis.EnforcesMfa);
        Assert.Contains("ec2:Describe*", Assert.Single(analysis.Findings));
    }

    [Fact]
    public void FindsEnforcementThroughAGroup()
    {
        var policies = new[]
        {
            new AppliedPolicy("AdministratorAccess", AdministratorAccess),
            new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build(), PolicyAttachment.Group,
                "Developers"),
        };

        PrincipalEnforcement result = EnforcementAnalyzer.AnalyzePrincipal(policies);

        Assert.True(result.IsEnforced);
        EnforcementSource source = Assert.Single(result.EnforcedBy);
        Assert.Equal("MfaEnforcement", source.PolicyName);
        Assert.Equal("Developers", source.GroupName);
        Assert.Equal("MfaEnforcement (group Developers)", source.ToString());
    }

    [Fact]
    public void ExplainsThatAnotherAllowBypassesAnAllowRequiringMfa()
    {
        var policies = new[]
        {
            new AppliedPolicy("RequireMfa", AllowOnlyWithMfaAge, PolicyAttachment.Inline),
            new AppliedPolicy("AdministratorAccess", AdministratorAccess),
        };

        PrincipalEnforcement result = EnforcementAnalyzer.AnalyzePrincipal(policies);

        Assert.False(result.IsEnforced);
        Assert.Empty(result.EnforcedBy);
        Assert.Contains(result.Findings, f => f.StartsWith(
            "Allow requiring MFA in policy RequireMfa (inline) is bypassed by policy AdministratorAccess, which "
            + "allows the same actions without MFA (s3:ListAllMyBuckets, ec2:TerminateInstances, iam:CreateUser)",
            StringComparison.Ordinal));
    }

    [Fact]
    public void ProbesTheActionsAnAllowRequiringMfaNames()
    {
        var policies = new[]
        {
            new AppliedPolicy("RequireMfaForLogs", Parse("{'Effect':'Allow','Action':'logs:GetLogEvents',"
                + "'Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}")),
            new AppliedPolicy("ReadLogs", Parse("{'Effect':'Allow','Action':'logs:Get*','Resource':'*'}")),
        };

        PrincipalEnforcement result = EnforcementAnalyzer.AnalyzePrincipal(policies);

        Assert.Contains(result.Findings, f => f.Contains("bypassed by policy ReadLogs")
            && f.Contains("logs:GetLogEvents"));
    }

    [Fact]
    public void SeesNoBypassWhenADenyEnforcesMfa()
    {
        var policies = new[]
        {
            new AppliedPolicy("RequireMfa", AllowOnlyWithMfaAge),
            new AppliedPolicy("AdministratorAccess", AdministratorAccess),
            new AppliedPolicy("MfaEnforcement", EnforcementPolicyBuilder.Build()),
        };

        PrincipalEnforcement result = EnforcementAnalyzer.AnalyzePrincipal(policies);

        Assert.True(result.IsEnforced);
        Assert.DoesNotContain(result.Findings, f => f.Contains("bypassed"));
    }

    [Fact]
    public void ReportsConsoleOnlyEnforcementAsNotEnforced()
    {
        var policies = new[]
        {
            new AppliedPolicy("LegacyMfa", DenyUnderPlainBool),
            new AppliedPolicy("AdministratorAccess", AdministratorAccess),
        };

        PrincipalEnforcement result = EnforcementAnalyzer.AnalyzePrincipal(policies);

        Assert.False(result.IsEnforced);
        Assert.Equal(MfaEnforcementLevel.ConsoleOnly, result.Level);
        Assert.Equal(MfaEnforcementLevel.ConsoleOnly, Assert.Single(result.EnforcedBy).Level);
        Assert.Contains(result.Findings, f => f.Contains("access keys bypass it"));
    }

    [Fact]
    public void KeepsTheShortestMaximumAgeAndASharedExemption()
    {
        var policies = new[]
        {
            new AppliedPolicy("Strict", EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
            {
                MaxSessionAge = TimeSpan.FromHours(1),
                ExemptionTag = "mfa-exempt",
            })),
            new AppliedPolicy("Loose", EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
            {
                MaxSessionAge = TimeSpan.FromHours(8),
                ExemptionTag = "mfa-exempt",
            })),
        };

        PrincipalEnforcement result = EnforcementAnalyzer.AnalyzePrincipal(policies);

        Assert.Equal(TimeSpan.FromHours(1), result.MaxSessionAge);
        Assert.Equal("mfa-exempt", result.ExemptionTag);
    }

    [Fact]
    public void ExplainsThatAnExemptionOneEnforcingPolicyLacksExemptsNoOne()
    {
        var policies = new[]
        {
            new AppliedPolicy("WithExemption", EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
            {
                ExemptionTag = "mfa-exempt",
            })),
            new AppliedPolicy("WithoutExemption", EnforcementPolicyBuilder.Build(), PolicyAttachment.Group, "All"),
        };

        PrincipalEnforcement result = EnforcementAnalyzer.AnalyzePrincipal(policies);

        Assert.Null(result.ExemptionTag);
        Assert.Contains(result.Findings, f => f.Contains("WithoutExemption (group All)")
            && f.Contains("the tag exempts no one"));
    }

    internal static PolicyDocument Parse(string statements) => PolicyDocument.Parse(
        ("{'Version':'2012-10-17','Statement':[" + statements + "]}").Replace('\'', '"'));
}
