using System.Collections.Generic;
using System.Linq;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

/// <summary>How the evaluator reports what decided, and why it could not.</summary>
public class PolicyEvaluatorReportingTests
{
    private const string S3 = "s3:ListAllMyBuckets";

    [Fact]
    public void NamesTheDenyingPolicyAndStatement()
    {
        var policies = new[]
        {
            new NamedPolicy("Admin",
                PolicyDocument.Parse(Json("{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}"))),
            new NamedPolicy("Enforce", PolicyDocument.Parse(Json(
                "{'Statement':[{'Effect':'Allow','Action':'iam:GetUser','Resource':'*'},"
                + "{'Sid':'NoS3','Effect':'Deny','Action':'s3:*','Resource':'*'}]}"))),
        };

        PolicyEvaluationResult result = PolicyEvaluator.Evaluate(policies, Request(S3, "*", ""));

        Assert.Equal(PolicyDecision.ExplicitDeny, result.Decision);
        StatementReference deciding = Assert.Single(result.DecidingStatements);
        Assert.Equal("Enforce/NoS3", deciding.ToString());
        Assert.Equal(1, deciding.Index);
    }

    [Fact]
    public void NamesEveryAllowingStatementByIndexWhenItHasNoSid()
    {
        PolicyEvaluationResult result = PolicyEvaluator.Evaluate(
            ParsePolicies("{'Effect':'Allow','Action':'s3:*','Resource':'*'}"
                + "||{'Effect':'Allow','Action':'*','Resource':'*'}"),
            Request(S3, "*", ""));

        Assert.Equal(new[] { "policy0#0", "policy1#0" }, result.DecidingStatements.Select(s => s.ToString()));
    }

    [Fact]
    public void SaysWhyItCannotEvaluate()
    {
        PolicyEvaluationResult result = PolicyEvaluator.Evaluate(
            ParsePolicies("{'Sid':'Odd','Effect':'Allow','Action':'*','Resource':'*',"
                + "'Condition':{'StringSortOf':{'k':'v'}}}"),
            Request(S3, "*", ""));

        Assert.Equal(PolicyDecision.CannotEvaluate, result.Decision);
        Assert.Contains("policy0/Odd", result.Reason);
        Assert.Contains("StringSortOf", result.Reason);
    }

    private static string Json(string text) => PolicyEvaluatorTests.Json(text);

    private static IEnumerable<NamedPolicy> ParsePolicies(string policies) =>
        PolicyEvaluatorTests.ParsePolicies(policies);

    private static RequestContext Request(string action, string resource, string keys) =>
        PolicyEvaluatorTests.Request(action, resource, keys);
}
