using System;
using System.Collections.Generic;
using System.Linq;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

/// <summary>
/// The evaluator against the rules and examples of AWS's policy evaluation logic and condition operator
/// reference. Each case is a policy (statements in JSON with ' for ", ` for a literal ', and || between
/// policies), an action, a resource, the request's keys (k=v1,v2;k2=v; ?k for a key whose value is unknown) and
/// the decision. The caller is user alice (AIDAALICE) of account 111122223333.
/// </summary>
public class PolicyEvaluatorTests
{
    private const string S3 = "s3:ListAllMyBuckets";
    private const string Get = "s3:GetObject";
    private const string Obj = "arn:aws:s3:::bucket/doc.txt";
    private const string Alice = "arn:aws:iam::111122223333:user/alice";

    public static IEnumerable<object[]> Cases => new List<object[]>
    {
        // Allow, implicit deny, explicit deny.
        C("an allow that matches allows", "{'Effect':'Allow','Action':'s3:ListAllMyBuckets','Resource':'*'}",
            S3, "*", "", PolicyDecision.Allowed),
        C("nothing that matches is an implicit deny", "{'Effect':'Allow','Action':'ec2:*','Resource':'*'}",
            S3, "*", "", PolicyDecision.ImplicitDeny),
        C("an explicit deny beats an allow in the same policy",
            "{'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'s3:*','Resource':'*'}",
            S3, "*", "", PolicyDecision.ExplicitDeny),
        C("an explicit deny in another policy beats an allow",
            "{'Effect':'Allow','Action':'*','Resource':'*'}||{'Effect':'Deny','Action':'*','Resource':'*'}",
            S3, "*", "", PolicyDecision.ExplicitDeny),
        C("a deny of another action leaves the allow",
            "{'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'ec2:*','Resource':'*'}",
            S3, "*", "", PolicyDecision.Allowed),

        // Action and NotAction.
        C("actions match without regard to case", "{'Effect':'Allow','Action':'S3:listallmybuckets','Resource':'*'}",
            S3, "*", "", PolicyDecision.Allowed),
        C("a * in an action matches any run", "{'Effect':'Allow','Action':'s3:List*','Resource':'*'}",
            S3, "*", "", PolicyDecision.Allowed),
        C("a ? in an action matches one character", "{'Effect':'Allow','Action':'s3:?etObject','Resource':'*'}",
            Get, Obj, "", PolicyDecision.Allowed),
        C("a wildcard action that does not fit does not match", "{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}",
            S3, "*", "", PolicyDecision.ImplicitDeny),
        C("the action * matches every action", "{'Effect':'Allow','Action':'*','Resource':'*'}",
            "iam:CreateUser", "*", "", PolicyDecision.Allowed),
        C("NotAction in an allow allows what it does not list", "{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}",
            Get, Obj, "", PolicyDecision.Allowed),
        C("NotAction in an allow does not allow what it lists",
            "{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}", "iam:CreateUser", "*", "",
            PolicyDecision.ImplicitDeny),
        C("NotAction in a deny denies what it does not list",
            "{'Effect':'Allow','Action':'*','Resource':'*'},"
            + "{'Effect':'Deny','NotAction':'iam:ChangePassword','Resource':'*'}", S3, "*", "",
            PolicyDecision.ExplicitDeny),
        C("NotAction in a deny leaves what it lists",
            "{'Effect':'Allow','Action':'*','Resource':'*'},"
            + "{'Effect':'Deny','NotAction':['iam:ChangePassword','sts:*'],'Resource':'*'}",
            "iam:ChangePassword", Alice, "", PolicyDecision.Allowed),

        // Resource and NotResource.
        C("resources match with regard to case",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::Bucket/*'}", Get, Obj, "",
            PolicyDecision.ImplicitDeny),
        C("a * in a resource matches the rest of the ARN",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/*'}", Get, Obj, "",
            PolicyDecision.Allowed),
        C("a ? in a resource matches one character",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/do?.txt'}", Get, Obj, "",
            PolicyDecision.Allowed),
        C("a * that ends a segment matches the account",
            "{'Effect':'Allow','Action':'iam:GetUser','Resource':'arn:aws:iam::*:user/alice'}", "iam:GetUser", Alice,
            "", PolicyDecision.Allowed),
        C("a * inside a segment does not cross a colon",
            "{'Effect':'Allow','Action':'sqs:*','Resource':'arn:aws:sqs:us*queue1'}", "sqs:SendMessage",
            "arn:aws:sqs:us-east-2:111122223333:queue1", "", PolicyDecision.ImplicitDeny),
        C("NotResource allows what it does not list",
            "{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::secret/*'}", Get, Obj, "",
            PolicyDecision.Allowed),
        C("NotResource does not allow what it lists",
            "{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::bucket/*'}", Get, Obj, "",
            PolicyDecision.ImplicitDeny),
        C("a deny with NotResource denies everything else",
            "{'Effect':'Allow','Action':'*','Resource':'*'},"
            + "{'Effect':'Deny','Action':'s3:*','NotResource':'arn:aws:s3:::home/*'}", Get, Obj, "",
            PolicyDecision.ExplicitDeny),

        // Policy variables.
        C("${aws:username} takes the caller's name",
            "{'Effect':'Allow','Action':'iam:GetUser','Resource':'arn:aws:iam::*:user/${aws:username}'}",
            "iam:GetUser", Alice, "", PolicyDecision.Allowed),
        C("${aws:username} does not match another user",
            "{'Effect':'Allow','Action':'iam:GetUser','Resource':'arn:aws:iam::*:user/${aws:username}'}",
            "iam:GetUser", "arn:aws:iam::111122223333:user/bob", "", PolicyDecision.ImplicitDeny),
        C("version 2008-10-17 reads ${...} as literal text",
            "@{'Version':'2008-10-17','Statement':{'Effect':'Allow','Action':'iam:GetUser',"
            + "'Resource':'arn:aws:iam::*:user/${aws:username}'}}", "iam:GetUser", Alice, "",
            PolicyDecision.ImplicitDeny),
        C("${aws:userid} takes the caller's id",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::home/${aws:userid}/*'}", Get,
            "arn:aws:s3:::home/AIDAALICE/a", "", PolicyDecision.Allowed),
        C("${aws:PrincipalTag/team} takes the tag's value",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::${aws:PrincipalTag/team}/*'}", Get,
            "arn:aws:s3:::blue/a", "aws:PrincipalTag/team=blue", PolicyDecision.Allowed),
        C("a variable without a value matches nothing",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::${aws:PrincipalTag/team}/*'}", Get,
            "arn:aws:s3:::blue/a", "", PolicyDecision.ImplicitDeny),
        C("a variable's default value stands in for a missing key",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::${aws:PrincipalTag/team, `none`}/*'}", Get,
            "arn:aws:s3:::none/a", "", PolicyDecision.Allowed),
        C("${*} is a literal asterisk, not a wildcard",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/${*}'}", Get, Obj, "",
            PolicyDecision.ImplicitDeny),
        C("${*} matches an asterisk in the resource",
            "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/${*}'}", Get,
            "arn:aws:s3:::bucket/*", "", PolicyDecision.Allowed),
        C("${?} is a literal question mark", "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${?}'}",
            Get, "arn:aws:s3:::b/x", "", PolicyDecision.ImplicitDeny),
        C("${$} is a literal dollar sign", "{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${$}1'}",
            Get, "arn:aws:s3:::b/$1", "", PolicyDecision.Allowed),

        // String operators.
        Cond("StringEquals matches exactly", "'StringEquals':{'aws:PrincipalTag/job':'admin'}",
            "aws:PrincipalTag/job=admin", PolicyDecision.Allowed),
        Cond("StringEquals compares case", "'StringEquals':{'aws:PrincipalTag/job':'admin'}",
            "aws:PrincipalTag/job=Admin", PolicyDecision.ImplicitDeny),
        Cond("several values of one key are OR", "'StringEquals':{'aws:PrincipalTag/job':['dev','admin']}",
            "aws:PrincipalTag/job=admin", PolicyDecision.Allowed),
        Cond("StringNotEquals with several values is NOR", "'StringNotEquals':{'aws:PrincipalTag/job':['dev','admin']}",
            "aws:PrincipalTag/job=admin", PolicyDecision.ImplicitDeny),
        Cond("StringNotEquals holds for a value not listed", "'StringNotEquals':{'aws:PrincipalTag/job':['dev','ops']}",
            "aws:PrincipalTag/job=admin", PolicyDecision.Allowed),
        Cond("StringEqualsIgnoreCase ignores case", "'StringEqualsIgnoreCase':{'aws:PrincipalTag/job':'ADMIN'}",
            "aws:PrincipalTag/job=admin", PolicyDecision.Allowed),
        Cond("StringNotEqualsIgnoreCase fails on a case variant",
            "'StringNotEqualsIgnoreCase':{'aws:PrincipalTag/job':'ADMIN'}", "aws:PrincipalTag/job=admin",
            PolicyDecision.ImplicitDeny),
        Cond("StringLike matches wildcards", "'StringLike':{'s3:prefix':'home/*/docs'}", "s3:prefix=home/alice/docs",
            PolicyDecision.Allowed),
        Cond("StringLike compares case", "'StringLike':{'s3:prefix':'home/*'}", "s3:prefix=Home/alice",
            PolicyDecision.ImplicitDeny),
        Cond("StringNotLike holds when no pattern fits", "'StringNotLike':{'s3:prefix':['tmp/*','var/*']}",
            "s3:prefix=home/alice", PolicyDecision.Allowed),
        Cond("a variable in a string condition takes the caller's name",
            "'StringLike':{'s3:prefix':'home/${aws:username}/*'}", "s3:prefix=home/alice/a", PolicyDecision.Allowed),
        Cond("condition keys match without regard to case", "'Bool':{'AWS:MULTIFACTORAUTHPRESENT':'true'}",
            "aws:MultiFactorAuthPresent=true", PolicyDecision.Allowed),

        // Missing keys and IfExists.
        Cond("a condition on a missing key is false", "'StringEquals':{'aws:PrincipalTag/job':'admin'}", "",
            PolicyDecision.ImplicitDeny),
        Cond("a negated condition on a missing key is true", "'StringNotEquals':{'aws:PrincipalTag/job':'admin'}", "",
            PolicyDecision.Allowed),
        Cond("IfExists holds when the key is missing", "'StringEqualsIfExists':{'ec2:InstanceType':'t3.micro'}", "",
            PolicyDecision.Allowed),
        Cond("IfExists compares when the key is present", "'StringEqualsIfExists':{'ec2:InstanceType':'t3.micro'}",
            "ec2:InstanceType=m5.large", PolicyDecision.ImplicitDeny),
        C("StringNotEqualsIfExists denies principals without the tag",
            "{'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*',"
            + "'Condition':{'StringNotEqualsIfExists':{'aws:PrincipalTag/mfa-exempt':'true'}}}", S3, "*", "",
            PolicyDecision.ExplicitDeny),
        C("StringNotEqualsIfExists spares principals tagged true",
            "{'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*',"
            + "'Condition':{'StringNotEqualsIfExists':{'aws:PrincipalTag/mfa-exempt':'true'}}}", S3, "*",
            "aws:PrincipalTag/mfa-exempt=true", PolicyDecision.Allowed),

        // Numeric operators.
        Cond("NumericLessThan holds below the limit", "'NumericLessThan':{'aws:MultiFactorAuthAge':'3600'}",
            "aws:MultiFactorAuthAge=60", PolicyDecision.Allowed),
        Cond("NumericLessThan fails at the limit", "'NumericLessThan':{'aws:MultiFactorAuthAge':3600}",
            "aws:MultiFactorAuthAge=3600", PolicyDecision.ImplicitDeny),
        Cond("NumericLessThanEquals holds at the limit", "'NumericLessThanEquals':{'aws:MultiFactorAuthAge':3600}",
            "aws:MultiFactorAuthAge=3600", PolicyDecision.Allowed),
        Cond("NumericEquals compares numbers, not text", "'NumericEquals':{'s3:max-keys':'10'}", "s3:max-keys=10.0",
            PolicyDecision.Allowed),
        Cond("NumericNotEquals with several values is NOR", "'NumericNotEquals':{'s3:max-keys':['10','20']}",
            "s3:max-keys=20", PolicyDecision.ImplicitDeny),
        Cond("NumericGreaterThanEquals holds at the limit", "'NumericGreaterThanEquals':{'s3:max-keys':'10'}",
            "s3:max-keys=10", PolicyDecision.Allowed),
        C("NumericGreaterThan denies an MFA sign-in older than the limit",
            "{'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*',"
            + "'Condition':{'NumericGreaterThan':{'aws:MultiFactorAuthAge':'3600'}}}", S3, "*",
            "aws:MultiFactorAuthAge=7200", PolicyDecision.ExplicitDeny),
        C("NumericGreaterThan on a missing MFA age does not deny",
            "{'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*',"
            + "'Condition':{'NumericGreaterThan':{'aws:MultiFactorAuthAge':'3600'}}}", S3, "*", "",
            PolicyDecision.Allowed),
        Cond("a policy number that is not a number cannot be evaluated",
            "'NumericLessThan':{'aws:MultiFactorAuthAge':'soon'}", "aws:MultiFactorAuthAge=60",
            PolicyDecision.CannotEvaluate),

        // Date operators.
        Cond("DateGreaterThan compares ISO 8601 dates", "'DateGreaterThan':{'aws:CurrentTime':'2020-01-01T00:00:00Z'}",
            "aws:CurrentTime=2024-06-01T12:00:00Z", PolicyDecision.Allowed),
        Cond("DateLessThan takes epoch seconds", "'DateLessThan':{'aws:CurrentTime':'1577836800'}",
            "aws:CurrentTime=2024-06-01T12:00:00Z", PolicyDecision.ImplicitDeny),
        Cond("DateEquals compares instants, not text", "'DateEquals':{'aws:CurrentTime':'2024-06-01T14:00:00+02:00'}",
            "aws:CurrentTime=2024-06-01T12:00:00Z", PolicyDecision.Allowed),
        Cond("DateNotEquals fails for the same instant", "'DateNotEquals':{'aws:CurrentTime':'2024-06-01T12:00:00Z'}",
            "aws:CurrentTime=2024-06-01T12:00:00Z", PolicyDecision.ImplicitDeny),
        Cond("DateLessThanEquals holds at the instant",
            "'DateLessThanEquals':{'aws:TokenIssueTime':'2024-06-01T12:00:00Z'}",
            "aws:TokenIssueTime=2024-06-01T12:00:00Z", PolicyDecision.Allowed),
        Cond("DateGreaterThanEquals fails before the instant",
            "'DateGreaterThanEquals':{'aws:CurrentTime':'2030-01-01T00:00:00Z'}",
            "aws:CurrentTime=2024-06-01T12:00:00Z", PolicyDecision.ImplicitDeny),

        // Bool and Null.
        Cond("Bool matches true", "'Bool':{'aws:MultiFactorAuthPresent':'true'}", "aws:MultiFactorAuthPresent=true",
            PolicyDecision.Allowed),
        Cond("Bool reads a JSON boolean", "'Bool':{'aws:SecureTransport':false}", "aws:SecureTransport=false",
            PolicyDecision.Allowed),
        Cond("Bool on a missing key is false", "'Bool':{'aws:MultiFactorAuthPresent':'true'}", "",
            PolicyDecision.ImplicitDeny),
        C("a deny under Bool false lets access-key calls through",
            "{'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*',"
            + "'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'false'}}}", S3, "*", "", PolicyDecision.Allowed),
        C("a deny under BoolIfExists false denies access-key calls",
            "{'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*',"
            + "'Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}}", S3, "*", "",
            PolicyDecision.ExplicitDeny),
        C("a deny under BoolIfExists false spares an MFA session",
            "{'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'*','Resource':'*',"
            + "'Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}}", S3, "*",
            "aws:MultiFactorAuthPresent=true", PolicyDecision.Allowed),
        Cond("Null true holds for a missing key", "'Null':{'aws:MultiFactorAuthAge':'true'}", "",
            PolicyDecision.Allowed),
        Cond("Null false holds for a present key", "'Null':{'aws:MultiFactorAuthAge':'false'}",
            "aws:MultiFactorAuthAge=60", PolicyDecision.Allowed),
        Cond("Null true fails for a present key", "'Null':{'aws:MultiFactorAuthAge':true}",
            "aws:MultiFactorAuthAge=60", PolicyDecision.ImplicitDeny),

        // ARN, binary and IP address operators.
        Cond("ArnEquals matches the same ARN", "'ArnEquals':{'aws:SourceArn':'arn:aws:sns:us-east-1:111122223333:t'}",
            "aws:SourceArn=arn:aws:sns:us-east-1:111122223333:t", PolicyDecision.Allowed),
        Cond("ArnLike matches wildcards segment by segment", "'ArnLike':{'aws:SourceArn':'arn:aws:sns:*:*:t*'}",
            "aws:SourceArn=arn:aws:sns:us-east-1:111122223333:topic", PolicyDecision.Allowed),
        Cond("ArnNotEquals fails for the same ARN", "'ArnNotEquals':{'aws:SourceArn':'arn:aws:sns:us-east-1:1:t'}",
            "aws:SourceArn=arn:aws:sns:us-east-1:1:t", PolicyDecision.ImplicitDeny),
        Cond("ArnNotLike holds when the pattern does not fit", "'ArnNotLike':{'aws:SourceArn':'arn:aws:sqs:*:*:*'}",
            "aws:SourceArn=arn:aws:sns:us-east-1:1:t", PolicyDecision.Allowed),
        Cond("ArnLike does not match a value that is not an ARN", "'ArnLike':{'aws:SourceArn':'arn:aws:sns:*:*:*'}",
            "aws:SourceArn=sns-topic", PolicyDecision.ImplicitDeny),
        Cond("BinaryEquals compares decoded bytes", "'BinaryEquals':{'key':'QmluYXJ5VmFsdWU='}",
            "key=QmluYXJ5VmFsdWU=", PolicyDecision.Allowed),
        Cond("IpAddress matches inside the CIDR block", "'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}",
            "aws:SourceIp=203.0.113.77", PolicyDecision.Allowed),
        Cond("IpAddress fails outside the CIDR block", "'IpAddress':{'aws:SourceIp':['203.0.113.0/24']}",
            "aws:SourceIp=198.51.100.1", PolicyDecision.ImplicitDeny),
        Cond("NotIpAddress holds outside every block", "'NotIpAddress':{'aws:SourceIp':['203.0.113.0/24','10.0.0.1']}",
            "aws:SourceIp=198.51.100.1", PolicyDecision.Allowed),
        Cond("IpAddress matches IPv6 blocks", "'IpAddress':{'aws:SourceIp':'2001:db8:1234::/48'}",
            "aws:SourceIp=2001:db8:1234:5::1", PolicyDecision.Allowed),

        // Set operators and multivalued keys.
        Cond("ForAnyValue holds when one request value matches", "'ForAnyValue:StringEquals':{'aws:TagKeys':['a','z']}",
            "aws:TagKeys=x,z", PolicyDecision.Allowed),
        Cond("ForAnyValue on a missing key is false", "'ForAnyValue:StringEquals':{'aws:TagKeys':'a'}", "",
            PolicyDecision.ImplicitDeny),
        Cond("ForAnyValue on an empty set is false", "'ForAnyValue:StringEquals':{'aws:TagKeys':'a'}", "aws:TagKeys=",
            PolicyDecision.ImplicitDeny),
        Cond("ForAllValues holds when every request value matches", "'ForAllValues:StringLike':{'aws:TagKeys':'key1*'}",
            "aws:TagKeys=key1a,key1b", PolicyDecision.Allowed),
        Cond("ForAllValues fails when one request value does not match",
            "'ForAllValues:StringEquals':{'aws:TagKeys':['a','b']}", "aws:TagKeys=a,c", PolicyDecision.ImplicitDeny),
        Cond("ForAllValues on a missing key is true", "'ForAllValues:StringEquals':{'aws:TagKeys':'a'}", "",
            PolicyDecision.Allowed),
        Cond("ForAllValues on an empty set is true", "'ForAllValues:StringEquals':{'aws:TagKeys':'a'}", "aws:TagKeys=",
            PolicyDecision.Allowed),
        Cond("ForAllValues with a negated operator needs every value unmatched",
            "'ForAllValues:StringNotLike':{'aws:TagKeys':'key1*'}", "aws:TagKeys=other,key1x",
            PolicyDecision.ImplicitDeny),
        Cond("ForAnyValue with a negated operator needs one value unmatched",
            "'ForAnyValue:StringNotEquals':{'aws:TagKeys':'a'}", "aws:TagKeys=a,b", PolicyDecision.Allowed),
        Cond("a multivalued key without a set operator cannot be evaluated", "'StringEquals':{'aws:TagKeys':'a'}",
            "aws:TagKeys=a,b", PolicyDecision.CannotEvaluate),

        // Blocks: keys AND, operators AND.
        Cond("all keys of a block must hold", "'StringEquals':{'aws:PrincipalTag/a':'1','aws:PrincipalTag/b':'2'}",
            "aws:PrincipalTag/a=1;aws:PrincipalTag/b=3", PolicyDecision.ImplicitDeny),
        Cond("all operators of a block must hold",
            "'Bool':{'aws:MultiFactorAuthPresent':'true'},'NumericLessThan':{'aws:MultiFactorAuthAge':'900'}",
            "aws:MultiFactorAuthPresent=true;aws:MultiFactorAuthAge=60", PolicyDecision.Allowed),

        // What cannot be evaluated.
        Cond("an unknown operator cannot be evaluated", "'StringSortOf':{'aws:PrincipalTag/a':'1'}",
            "aws:PrincipalTag/a=1", PolicyDecision.CannotEvaluate),
        C("an unknown operator in a statement whose action does not match does not matter",
            "{'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'ec2:*','Resource':'*',"
            + "'Condition':{'StringSortOf':{'k':'v'}}}", S3, "*", "", PolicyDecision.Allowed),
        C("an unknown operator in an allow does not hide a certain deny",
            "{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringSortOf':{'k':'v'}}},"
            + "{'Effect':'Deny','Action':'*','Resource':'*'}", S3, "*", "", PolicyDecision.ExplicitDeny),
        C("an unknown operator in a deny makes an allow undecidable",
            "{'Effect':'Allow','Action':'*','Resource':'*'},"
            + "{'Effect':'Deny','Action':'*','Resource':'*','Condition':{'StringSortOf':{'k':'v'}}}", S3, "*", "",
            PolicyDecision.CannotEvaluate),
        Cond("an unknown operator beside a false condition does not matter",
            "'StringSortOf':{'k':'v'},'Bool':{'aws:MultiFactorAuthPresent':'true'}", "aws:MultiFactorAuthPresent=false",
            PolicyDecision.ImplicitDeny),
        Cond("a key whose value is not known offline cannot be evaluated",
            "'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}", "?aws:SourceIp", PolicyDecision.CannotEvaluate),
        Cond("Null on a key whose value is unknown still sees it present", "'Null':{'aws:SourceIp':'false'}",
            "?aws:SourceIp", PolicyDecision.Allowed),
        C("a Principal in an identity policy cannot be evaluated",
            "{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}", S3, "*", "",
            PolicyDecision.CannotEvaluate),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecidesAsAwsDocuments(string name, string policies, string action, string resource, string keys,
        PolicyDecision expected)
    {
        RequestContext request = Request(action, resource, keys);

        PolicyEvaluationResult result = PolicyEvaluator.Evaluate(ParsePolicies(policies), request);

        Assert.True(expected == result.Decision, $"{name}: expected {expected}, got {result}");
    }

    [Fact]
    public void TableHasAtLeastSixtyCases()
    {
        Assert.True(Cases.Count() >= 60);
    }

    private static object[] C(string name, string policies, string action, string resource, string keys,
        PolicyDecision expected) => new object[] { name, policies, action, resource, keys, expected };

    private static object[] Cond(string name, string condition, string keys, PolicyDecision expected) =>
        C(name, "{'Effect':'Allow','Action':'*','Resource':'*','Condition':{" + condition + "}}", S3, "*", keys,
            expected);

    internal static string Json(string text) => text.Replace('\'', '"').Replace('`', '\'');

    internal static IEnumerable<NamedPolicy> ParsePolicies(string policies)
    {
        string[] parts = policies.Split(new[] { "||" }, StringSplitOptions.None);
        for (int i = 0; i < parts.Length; i++)
        {
            string json = parts[i].StartsWith('@')
                ? Json(parts[i].Substring(1))
                : Json("{'Version':'2012-10-17','Statement':[" + parts[i] + "]}");
            yield return new NamedPolicy($"policy{i}", PolicyDocument.Parse(json));
        }
    }

    internal static RequestContext Request(string action, string resource, string keys)
    {
        var request = new RequestContext(action, resource)
        {
            UserName = "alice",
            UserId = "AIDAALICE",
            AccountId = "111122223333",
        };
        foreach (string entry in keys.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.StartsWith('?'))
            {
                request.WithUnknownKey(entry.Substring(1));
                continue;
            }

            int equals = entry.IndexOf('=');
            string[] values = entry.Substring(equals + 1).Split(',', StringSplitOptions.RemoveEmptyEntries);
            request.WithKey(entry.Substring(0, equals), values);
        }

        return request;
    }
}
