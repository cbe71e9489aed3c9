using System.Linq;
using MfaEnforcement.Core.Policy;
using Xunit;

namespace MfaEnforcement.Tests.Policy;

public class PolicyDocumentTests
{
    private const string TwoStatements = """
        {
          "Version": "2012-10-17",
          "Id": "example",
          "Statement": [
            {
              "Sid": "ReadBuckets",
              "Effect": "Allow",
              "Action": ["s3:ListAllMyBuckets", "s3:GetBucketLocation"],
              "Resource": "arn:aws:s3:::*"
            },
            {
              "Effect": "Deny",
              "NotAction": "iam:ChangePassword",
              "NotResource": ["arn:aws:iam::*:user/${aws:username}"],
              "Condition": {
                "BoolIfExists": { "aws:MultiFactorAuthPresent": false },
                "NumericLessThan": { "aws:MultiFactorAuthAge": [3600, "7200"] }
              }
            }
          ]
        }
        """;

    [Fact]
    public void ReadsEveryElementOfAPolicy()
    {
        PolicyDocument document = PolicyDocument.Parse(TwoStatements);

        Assert.Equal("2012-10-17", document.Version);
        Assert.Equal("example", document.Id);
        Assert.Equal(2, document.Statements.Count);
        PolicyStatement allow = document.Statements[0];
        Assert.Equal("ReadBuckets", allow.Sid);
        Assert.Equal(PolicyEffect.Allow, allow.Effect);
        Assert.Equal(new[] { "s3:ListAllMyBuckets", "s3:GetBucketLocation" }, allow.Actions);
        Assert.Equal(new[] { "arn:aws:s3:::*" }, allow.Resources);
        PolicyStatement deny = document.Statements[1];
        Assert.True(deny.UsesNotAction);
        Assert.True(deny.UsesNotResource);
        Assert.Equal(2, deny.Conditions.Count);
    }

    [Fact]
    public void ReadsBooleanAndNumberConditionValuesAsText()
    {
        PolicyDocument document = PolicyDocument.Parse(TwoStatements);

        PolicyStatement deny = document.Statements[1];
        Assert.Equal(new[] { "false" }, deny.Conditions[0].Values);
        Assert.Equal(new[] { "3600", "7200" }, deny.Conditions[1].Values);
        Assert.Equal("BoolIfExists", deny.Conditions[0].Operator);
    }

    [Fact]
    public void AcceptsStatementAsASingleObject()
    {
        PolicyDocument document = PolicyDocument.Parse(
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""");

        Assert.Single(document.Statements);
        Assert.Equal(new[] { "*" }, document.Statements[0].Actions);
    }

    [Fact]
    public void AcceptsADocumentWithoutVersion()
    {
        PolicyDocument document = PolicyDocument.Parse(
            """{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""");

        Assert.Null(document.Version);
        Assert.False(document.SupportsPolicyVariables);
    }

    [Fact]
    public void RoundTripsThroughItsOwnJson()
    {
        PolicyDocument document = PolicyDocument.Parse(TwoStatements);

        string once = document.ToJson();
        string twice = PolicyDocument.Parse(once).ToJson();

        Assert.Equal(once, twice);
    }

    [Fact]
    public void RoundTripsTheGeneratedPolicyForEveryFormatting()
    {
        PolicyDocument document = EnforcementPolicyBuilder.Build(new EnforcementPolicyOptions
        {
            MaxSessionAge = System.TimeSpan.FromHours(12),
            ExemptionTag = "mfa-exempt",
            AllowSelfServiceCredentials = true,
        });

        Assert.Equal(document.ToJson(), PolicyDocument.Parse(document.ToJson(indented: false)).ToJson());
    }

    [Fact]
    public void WritesElementsInFixedOrderWithSingleValuesAsStrings()
    {
        var document = new PolicyDocument(new[]
        {
            new PolicyStatement(PolicyEffect.Deny, sid: "NoMfa", notActions: new[] { "sts:GetSessionToken" },
                resources: new[] { "*" },
                conditions: new[] { new PolicyCondition("BoolIfExists", "aws:MultiFactorAuthPresent", "false") }),
            new PolicyStatement(PolicyEffect.Allow, actions: new[] { "iam:GetUser", "iam:ListMFADevices" },
                resources: new[] { "arn:aws:iam::*:user/${aws:username}" }),
        });

        string json = document.ToJson(indented: false);

        Assert.Equal(
            ("{'Version':'2012-10-17','Statement':[{'Sid':'NoMfa','Effect':'Deny','NotAction':'sts:GetSessionToken',"
            + "'Resource':'*','Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}},"
            + "{'Effect':'Allow','Action':['iam:GetUser','iam:ListMFADevices'],"
            + "'Resource':'arn:aws:iam::*:user/${aws:username}'}]}").Replace('\'', '"'),
            json);
    }

    [Fact]
    public void IndentsWithTwoSpacesAndUnixLineEnds()
    {
        PolicyDocument document = PolicyDocument.Parse(
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""");

        string json = document.ToJson();

        Assert.DoesNotContain("\r", json);
        Assert.StartsWith("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n", json);
    }

    [Fact]
    public void LeavesCharactersOfIamNamesUnescaped()
    {
        var document = new PolicyDocument(new[]
        {
            new PolicyStatement(PolicyEffect.Allow, actions: new[] { "iam:GetUser" },
                resources: new[] { "arn:aws:iam::*:user/a+b=c,d@e<f>&'g" }),
        });

        Assert.Contains("user/a+b=c,d@e<f>&'g", document.ToJson(indented: false));
    }

    [Fact]
    public void MinifiedLengthCountsTheJsonWithoutWhitespaceOutsideStrings()
    {
        PolicyDocument document = PolicyDocument.Parse(TwoStatements);

        Assert.Equal(document.ToJson(indented: false).Length, document.MinifiedLength);
        Assert.Equal(document.MinifiedLength, PolicyDocument.MeasureMinifiedLength(document.ToJson()));
    }

    [Fact]
    public void MeasureMinifiedLengthKeepsWhitespaceInsideStrings()
    {
        Assert.Equal("{\"a\":\"b c\\\" d\"}".Length,
            PolicyDocument.MeasureMinifiedLength("{ \"a\" :\n\t \"b c\\\" d\" }"));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("", "empty")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"Version":"2012-10-17"}""", "no Statement element")]
    [InlineData("""{"Version":"2020-01-01","Statement":[]}""",
        "Version: '2020-01-01' is not a policy language version")]
    [InlineData("""{"Statement":[]}""", "Statement: Statement is an empty array")]
    [InlineData("""{"Statement":"x"}""", "Statement must be an object or an array")]
    [InlineData("""{"Statment":[]}""", "Unknown element 'Statment'")]
    [InlineData("""{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}""",
        "Statement[0].Effect: Effect must be \"Allow\" or \"Deny\"")]
    [InlineData("""{"Statement":[{"Action":"*","Resource":"*"}]}""", "Statement[0]: The statement has no Effect")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Resource":"*"}]}""", "neither Action nor NotAction")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}]}""",
        "both Action and NotAction")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*"}]}""", "neither Resource nor NotResource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}]}""",
        "both Resource and NotResource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"s3ListBuckets","Resource":"*"}]}""",
        "Statement[0].Action: 's3ListBuckets' is not an action")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]}""", "give at least one action")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":["s3:*",5],"Resource":"*"}]}""",
        "Each action must be a string, not the number 5")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Effect":"Deny"}]}""",
        "The element 'Effect' appears twice")]
    [InlineData("""{"Statement":[{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},"""
        + """{"Sid":"A","Effect":"Deny","Action":"*","Resource":"*"}]}""",
        "Statement[1].Sid: The Sid 'A' is used twice")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","""
        + """ "Condition":{"Bool":{"k":{"x":1}}}}]}""",
        "Statement[0].Condition.Bool.k: A condition value must be a string, a boolean or a number, not an object")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":"x"}}]}""",
        "The operator Bool must hold an object of condition keys")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","""
        + """ "Condition":{"Bool":{"a:B":"x","A:b":"y"}}}]}""",
        "appears twice (condition keys ignore case)")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"k":[]}}}]}""",
        "empty array of values")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},]}""", "not valid JSON (line 1")]
    public void RejectsMalformedInputNamingWhatAndWhere(string json, string expected)
    {
        PolicyFormatException error = Assert.Throws<PolicyFormatException>(() => PolicyDocument.Parse(json));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void KeepsTheOperatorAsWrittenEvenWhenUnknown()
    {
        PolicyDocument document = PolicyDocument.Parse(
            """{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","""
            + """ "Condition":{"StringSortOf":{"k":"v"}}}]}""");

        Assert.Equal("StringSortOf", document.Statements[0].Conditions.Single().Operator);
    }

    [Fact]
    public void ReadsATrustPolicyWithPrincipalAndNoResource()
    {
        PolicyDocument document = PolicyDocument.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},
            "Action":"sts:AssumeRole"}]}
            """);

        PolicyPrincipal principal = document.Statements[0].Principal!;
        Assert.Equal("Service", principal.Entries.Single().Key);
        Assert.Contains("\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}", document.ToJson(indented: false));
    }
}
