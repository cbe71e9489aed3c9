using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using Xunit;

namespace MfaEnforcement.Tests.Iam;

/// <summary>
/// Every IIamClient operation through the real SDK pipeline against a stub HTTP layer: what goes on the wire
/// (action, version, parameters, signature) and how AWS's documented response shape is read back.
/// </summary>
public sealed class IamClientOperationTests
{
    private const string User = "<UserName>alice</UserName><UserId>AIDAEXAMPLE1</UserId><Path>/staff/</Path>" +
        "<Arn>arn:aws:iam::123456789012:user/staff/alice</Arn><CreateDate>2024-01-02T03:04:05Z</CreateDate>" +
        "<PasswordLastUsed>2024-05-06T07:08:09Z</PasswordLastUsed>" +
        "<Tags><member><Key>mfa-exempt</Key><Value>true</Value></member></Tags>";

    private const string Group = "<GroupName>Developers</GroupName><GroupId>AGPAEXAMPLE1</GroupId><Path>/</Path>" +
        "<Arn>arn:aws:iam::123456789012:group/Developers</Arn><CreateDate>2024-01-02T03:04:05Z</CreateDate>";

    private const string Policy = "<PolicyName>MfaEnforcement</PolicyName><PolicyId>ANPAEXAMPLE1</PolicyId>" +
        "<Arn>arn:aws:iam::123456789012:policy/MfaEnforcement</Arn><Path>/</Path>" +
        "<DefaultVersionId>v2</DefaultVersionId><AttachmentCount>3</AttachmentCount>" +
        "<Description>Deny without MFA</Description><IsAttachable>true</IsAttachable>" +
        "<CreateDate>2024-01-02T03:04:05Z</CreateDate><UpdateDate>2024-02-02T03:04:05Z</UpdateDate>";

    private const string EncodedDocument =
        "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D";

    private const string Document = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

    private const string PolicyArn = "arn:aws:iam::123456789012:policy/MfaEnforcement";

    private static readonly CancellationToken s_none = CancellationToken.None;

    public static TheoryData<string> OperationNames => new(Cases.Keys);

    private static Dictionary<string, OperationCase> Cases { get; } = BuildCases();

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Operation_SendsItsParametersAndReadsAwsResponseShape(string name)
    {
        var @case = Cases[name];
        var handler = new StubHttpHandler().Respond(StubHttpHandler.Iam(@case.Action, @case.ResultXml));
        using var client = TestClients.Create(handler);

        var result = await @case.Call(client);

        var form = Assert.Single(handler.Requests).Form;
        Assert.Equal(@case.Action, form["Action"]);
        Assert.Equal("2010-05-08", form["Version"]);
        foreach (var expected in @case.Parameters)
        {
            Assert.Equal(expected.Value, form.GetValueOrDefault(expected.Key));
        }

        @case.Check(result);
    }

    private static Dictionary<string, OperationCase> BuildCases()
    {
        var cases = new List<OperationCase>
        {
            new("ListUsers", c => c.ListUsersAsync("/staff/", "m1", 1000, s_none),
                P("PathPrefix", "/staff/", "Marker", "m1", "MaxItems", "1000"),
                $"<Users><member>{User}</member></Users><IsTruncated>true</IsTruncated><Marker>m2</Marker>",
                r =>
                {
                    var page = (Page<IamUserInfo>)r;
                    Assert.Equal("m2", page.Marker);
                    var user = Assert.Single(page.Items);
                    Assert.Equal(("alice", "/staff/", "true"), (user.UserName, user.Path, user.Tags["mfa-exempt"]));
                    Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc), user.PasswordLastUsed);
                }),
            new("GetUser", c => c.GetUserAsync("alice", s_none), P("UserName", "alice"), $"<User>{User}</User>",
                r => Assert.Equal("arn:aws:iam::123456789012:user/staff/alice", ((IamUserInfo)r).Arn)),
            new("ListGroupsForUser", c => c.ListGroupsForUserAsync("alice", null, 100, s_none), P("UserName", "alice"),
                $"<Groups><member>{Group}</member></Groups><IsTruncated>false</IsTruncated>",
                r => Assert.Equal("Developers", Assert.Single(((Page<IamGroupInfo>)r).Items).GroupName)),
            new("ListUserTags", c => c.ListUserTagsAsync("alice", null, 100, s_none), P("UserName", "alice"),
                "<Tags><member><Key>team</Key><Value>ops</Value></member></Tags><IsTruncated>false</IsTruncated>",
                r => Assert.Equal("ops", Assert.Single(((Page<KeyValuePair<string, string>>)r).Items).Value)),
            new("ListGroups", c => c.ListGroupsAsync("/", null, 100, s_none), P("PathPrefix", "/"),
                $"<Groups><member>{Group}</member></Groups><IsTruncated>false</IsTruncated>",
                r => Assert.Null(((Page<IamGroupInfo>)r).Marker)),
            new("GetGroup", c => c.GetGroupAsync("Developers", null, 100, s_none), P("GroupName", "Developers"),
                $"<Group>{Group}</Group><Users><member>{User}</member></Users><IsTruncated>false</IsTruncated>",
                r => Assert.Equal("alice", Assert.Single(((GroupMembersPage)r).Members).UserName)),
            new("CreateGroup", c => c.CreateGroupAsync("Developers", "/teams/", s_none),
                P("GroupName", "Developers", "Path", "/teams/"), $"<Group>{Group}</Group>",
                r => Assert.Equal("AGPAEXAMPLE1", ((IamGroupInfo)r).GroupId)),
            new("AddUserToGroup", c => Done(c.AddUserToGroupAsync("Developers", "alice", s_none)),
                P("GroupName", "Developers", "UserName", "alice"), "", _ => { }),
            new("RemoveUserFromGroup", c => Done(c.RemoveUserFromGroupAsync("Developers", "alice", s_none)),
                P("GroupName", "Developers", "UserName", "alice"), "", _ => { }),
            new("GetAccountAuthorizationDetails",
                c => c.GetAccountAuthorizationDetailsAsync(
                    AuthorizationDetailsFilter.User | AuthorizationDetailsFilter.AwsManagedPolicy, null, 1000, s_none),
                P("Filter.member.1", "User", "Filter.member.2", "AWSManagedPolicy"),
                $"<UserDetailList><member>{User}<GroupList><member>Developers</member></GroupList>" +
                "<AttachedManagedPolicies><member><PolicyName>MfaEnforcement</PolicyName>" +
                $"<PolicyArn>{PolicyArn}</PolicyArn></member></AttachedManagedPolicies><UserPolicyList><member>" +
                $"<PolicyName>inline</PolicyName><PolicyDocument>{EncodedDocument}</PolicyDocument></member>" +
                "</UserPolicyList></member></UserDetailList><GroupDetailList><member>" + Group +
                "<GroupPolicyList/><AttachedManagedPolicies/></member></GroupDetailList><Policies><member>" + Policy +
                "<PolicyVersionList><member><Document>" + EncodedDocument + "</Document><VersionId>v2</VersionId>" +
                "<IsDefaultVersion>true</IsDefaultVersion><CreateDate>2024-02-02T03:04:05Z</CreateDate></member>" +
                "</PolicyVersionList></member></Policies><IsTruncated>true</IsTruncated><Marker>next</Marker>",
                r =>
                {
                    var page = (AuthorizationDetailsPage)r;
                    var user = Assert.Single(page.Users);
                    Assert.Equal("Developers", Assert.Single(user.GroupNames));
                    Assert.Equal(PolicyArn, Assert.Single(user.AttachedPolicies).PolicyArn);
                    Assert.Equal(Document, Assert.Single(user.InlinePolicies).Document);
                    Assert.Equal("Developers", Assert.Single(page.Groups).Group.GroupName);
                    Assert.Equal(Document, Assert.Single(page.Policies).DefaultDocument);
                    Assert.Equal("next", page.Marker);
                }),
            new("GetAccountSummary", c => c.GetAccountSummaryAsync(s_none), P(),
                "<SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry>" +
                "<entry><key>Users</key><value>27</value></entry></SummaryMap>",
                r => Assert.Equal(1, ((IReadOnlyDictionary<string, int>)r)["AccountMFAEnabled"])),
            new("GenerateCredentialReport", c => c.GenerateCredentialReportAsync(s_none), P(),
                "<State>STARTED</State><Description>No report exists. Starting a new report generation.</Description>",
                r => Assert.Equal(CredentialReportState.Started, (CredentialReportState)r)),
            new("GetCredentialReport", c => c.GetCredentialReportAsync(s_none), P(),
                "<Content>dXNlcixhcm4K</Content><ReportFormat>text/csv</ReportFormat>" +
                "<GeneratedTime>2024-03-04T05:06:07Z</GeneratedTime>",
                r => Assert.Equal(
                    "user,arn\n", System.Text.Encoding.UTF8.GetString(((CredentialReportContent)r).Content))),
            new("ListVirtualMFADevices", c => c.ListVirtualMfaDevicesAsync("Assigned", null, 1000, s_none),
                P("AssignmentStatus", "Assigned"),
                "<VirtualMFADevices><member><SerialNumber>arn:aws:iam::123456789012:mfa/phone</SerialNumber>" +
                $"<User>{User}</User><EnableDate>2024-01-05T00:00:00Z</EnableDate></member></VirtualMFADevices>" +
                "<IsTruncated>false</IsTruncated>",
                r => Assert.Equal("alice", Assert.Single(((Page<VirtualMfaDeviceInfo>)r).Items).UserName)),
            new("ListMFADevices", c => c.ListMfaDevicesAsync("alice", null, 100, s_none), P("UserName", "alice"),
                "<MFADevices><member><UserName>alice</UserName><SerialNumber>GAHT12345678</SerialNumber>" +
                "<EnableDate>2024-01-05T00:00:00Z</EnableDate></member></MFADevices><IsTruncated>false</IsTruncated>",
                r => Assert.Equal("GAHT12345678", Assert.Single(((Page<MfaDeviceInfo>)r).Items).SerialNumber)),
            new("CreateVirtualMFADevice", c => c.CreateVirtualMfaDeviceAsync("phone", "/", s_none),
                P("VirtualMFADeviceName", "phone", "Path", "/"),
                "<VirtualMFADevice><SerialNumber>arn:aws:iam::123456789012:mfa/phone</SerialNumber>" +
                "<Base32StringSeed>SlpCU1dZM0RQRVhQSzVIWg==</Base32StringSeed><QRCodePNG>iVBORw==</QRCodePNG>" +
                "</VirtualMFADevice>",
                r => Assert.Equal("JZBSWY3DPEXPK5HZ",
                    System.Text.Encoding.ASCII.GetString(((NewVirtualMfaDevice)r).Base32StringSeed))),
            new("EnableMFADevice", c => Done(c.EnableMfaDeviceAsync("alice", "arn:mfa", "123456", "654321", s_none)),
                P("UserName", "alice", "SerialNumber", "arn:mfa", "AuthenticationCode1", "123456",
                    "AuthenticationCode2", "654321"), "", _ => { }),
            new("DeactivateMFADevice", c => Done(c.DeactivateMfaDeviceAsync("alice", "arn:mfa", s_none)),
                P("UserName", "alice", "SerialNumber", "arn:mfa"), "", _ => { }),
            new("DeleteVirtualMFADevice", c => Done(c.DeleteVirtualMfaDeviceAsync("arn:mfa", s_none)),
                P("SerialNumber", "arn:mfa"), "", _ => { }),
            new("GetLoginProfile", c => c.GetLoginProfileAsync("alice", s_none), P("UserName", "alice"),
                "<LoginProfile><UserName>alice</UserName><CreateDate>2024-01-02T03:04:05Z</CreateDate>" +
                "<PasswordResetRequired>true</PasswordResetRequired></LoginProfile>",
                r => Assert.True(((LoginProfileInfo)r).PasswordResetRequired)),
            new("ListAccessKeys", c => c.ListAccessKeysAsync("alice", null, 100, s_none), P("UserName", "alice"),
                "<AccessKeyMetadata><member><UserName>alice</UserName><AccessKeyId>AKIAEXAMPLE</AccessKeyId>" +
                "<Status>Active</Status><CreateDate>2024-01-02T03:04:05Z</CreateDate></member></AccessKeyMetadata>" +
                "<IsTruncated>false</IsTruncated>",
                r => Assert.Equal("Active", Assert.Single(((Page<AccessKeyInfo>)r).Items).Status)),
            new("CreatePolicy", c => c.CreatePolicyAsync("MfaEnforcement", "/", Document, "Deny", s_none),
                P("PolicyName", "MfaEnforcement", "Path", "/", "PolicyDocument", Document, "Description", "Deny"),
                $"<Policy>{Policy}</Policy>", r => Assert.Equal(3, ((ManagedPolicyInfo)r).AttachmentCount)),
            new("GetPolicy", c => c.GetPolicyAsync(PolicyArn, s_none), P("PolicyArn", PolicyArn),
                $"<Policy>{Policy}</Policy>", r => Assert.Equal("v2", ((ManagedPolicyInfo)r).DefaultVersionId)),
            new("GetPolicyVersion", c => c.GetPolicyVersionAsync(PolicyArn, "v2", s_none),
                P("PolicyArn", PolicyArn, "VersionId", "v2"),
                $"<PolicyVersion><Document>{EncodedDocument}</Document><VersionId>v2</VersionId>" +
                "<IsDefaultVersion>true</IsDefaultVersion><CreateDate>2024-02-02T03:04:05Z</CreateDate>" +
                "</PolicyVersion>",
                r => Assert.Equal(Document, ((PolicyVersionInfo)r).Document)),
            new("ListPolicyVersions", c => c.ListPolicyVersionsAsync(PolicyArn, null, 100, s_none),
                P("PolicyArn", PolicyArn),
                "<Versions><member><VersionId>v1</VersionId><IsDefaultVersion>false</IsDefaultVersion>" +
                "<CreateDate>2024-01-02T03:04:05Z</CreateDate></member></Versions><IsTruncated>false</IsTruncated>",
                r => Assert.False(Assert.Single(((Page<PolicyVersionInfo>)r).Items).IsDefaultVersion)),
            new("CreatePolicyVersion", c => c.CreatePolicyVersionAsync(PolicyArn, Document, true, s_none),
                P("PolicyArn", PolicyArn, "PolicyDocument", Document, "SetAsDefault", "true"),
                "<PolicyVersion><VersionId>v3</VersionId><IsDefaultVersion>true</IsDefaultVersion>" +
                "<CreateDate>2024-03-02T03:04:05Z</CreateDate></PolicyVersion>",
                r => Assert.Equal("v3", ((PolicyVersionInfo)r).VersionId)),
            new("DeletePolicyVersion", c => Done(c.DeletePolicyVersionAsync(PolicyArn, "v1", s_none)),
                P("PolicyArn", PolicyArn, "VersionId", "v1"), "", _ => { }),
            new("ListPolicies", c => c.ListPoliciesAsync(PolicyScope.Local, true, "/", null, 1000, s_none),
                P("Scope", "Local", "OnlyAttached", "true", "PathPrefix", "/"),
                $"<Policies><member>{Policy}</member></Policies><IsTruncated>false</IsTruncated>",
                r => Assert.Equal("MfaEnforcement", Assert.Single(((Page<ManagedPolicyInfo>)r).Items).PolicyName)),
            new("ListEntitiesForPolicy", c => c.ListEntitiesForPolicyAsync(PolicyArn, null, 100, s_none),
                P("PolicyArn", PolicyArn),
                "<PolicyUsers><member><UserName>alice</UserName><UserId>AIDA1</UserId></member></PolicyUsers>" +
                "<PolicyGroups><member><GroupName>Developers</GroupName><GroupId>AGPA1</GroupId></member>" +
                "</PolicyGroups><PolicyRoles/><IsTruncated>false</IsTruncated>",
                r => Assert.Equal(
                    [
                        new PolicyEntity(PolicyEntityKind.User, "alice"),
                        new PolicyEntity(PolicyEntityKind.Group, "Developers"),
                    ],
                    ((Page<PolicyEntity>)r).Items)),
            new("AttachUserPolicy", c => Done(c.AttachUserPolicyAsync("alice", PolicyArn, s_none)),
                P("UserName", "alice", "PolicyArn", PolicyArn), "", _ => { }),
            new("DetachUserPolicy", c => Done(c.DetachUserPolicyAsync("alice", PolicyArn, s_none)),
                P("UserName", "alice", "PolicyArn", PolicyArn), "", _ => { }),
            new("AttachGroupPolicy", c => Done(c.AttachGroupPolicyAsync("Developers", PolicyArn, s_none)),
                P("GroupName", "Developers", "PolicyArn", PolicyArn), "", _ => { }),
            new("DetachGroupPolicy", c => Done(c.DetachGroupPolicyAsync("Developers", PolicyArn, s_none)),
                P("GroupName", "Developers", "PolicyArn", PolicyArn), "", _ => { }),
            new("ListAttachedUserPolicies", c => c.ListAttachedUserPoliciesAsync("alice", null, 100, s_none),
                P("UserName", "alice"), Attached(), r => Assert.Single(((Page<AttachedPolicyInfo>)r).Items)),
            new("ListAttachedGroupPolicies", c => c.ListAttachedGroupPoliciesAsync("Developers", null, 100, s_none),
                P("GroupName", "Developers"), Attached(), r => Assert.Single(((Page<AttachedPolicyInfo>)r).Items)),
            new("ListUserPolicies", c => c.ListUserPoliciesAsync("alice", null, 100, s_none), P("UserName", "alice"),
                "<PolicyNames><member>inline</member></PolicyNames><IsTruncated>false</IsTruncated>",
                r => Assert.Equal("inline", Assert.Single(((Page<string>)r).Items))),
            new("GetUserPolicy", c => c.GetUserPolicyAsync("alice", "inline", s_none),
                P("UserName", "alice", "PolicyName", "inline"),
                $"<UserName>alice</UserName><PolicyName>inline</PolicyName><PolicyDocument>{EncodedDocument}" +
                "</PolicyDocument>", r => Assert.Equal(Document, ((InlinePolicyInfo)r).Document)),
            new("ListGroupPolicies", c => c.ListGroupPoliciesAsync("Developers", null, 100, s_none),
                P("GroupName", "Developers"),
                "<PolicyNames><member>g</member></PolicyNames><IsTruncated>false</IsTruncated>",
                r => Assert.Equal("g", Assert.Single(((Page<string>)r).Items))),
            new("GetGroupPolicy", c => c.GetGroupPolicyAsync("Developers", "g", s_none),
                P("GroupName", "Developers", "PolicyName", "g"),
                $"<GroupName>Developers</GroupName><PolicyName>g</PolicyName><PolicyDocument>{EncodedDocument}" +
                "</PolicyDocument>", r => Assert.Equal("g", ((InlinePolicyInfo)r).PolicyName)),
            new("SimulatePrincipalPolicy",
                c => c.SimulatePrincipalPolicyAsync(
                    "arn:aws:iam::123456789012:user/alice", ["s3:ListAllMyBuckets"], ["*"],
                    [new SimulationContextEntry("aws:MultiFactorAuthPresent", "boolean", ["false"])],
                    null,
                    100,
                    s_none),
                P("PolicySourceArn", "arn:aws:iam::123456789012:user/alice",
                    "ActionNames.member.1", "s3:ListAllMyBuckets",
                    "ResourceArns.member.1", "*",
                    "ContextEntries.member.1.ContextKeyName", "aws:MultiFactorAuthPresent",
                    "ContextEntries.member.1.ContextKeyType", "boolean",
                    "ContextEntries.member.1.ContextKeyValues.member.1", "false"),
                "<EvaluationResults><member><EvalActionName>s3:ListAllMyBuckets</EvalActionName>" +
                "<EvalResourceName>*</EvalResourceName><EvalDecision>explicitDeny</EvalDecision>" +
                "<MatchedStatements><member><SourcePolicyId>MfaEnforcement</SourcePolicyId></member>" +
                "</MatchedStatements><MissingContextValues/></member></EvaluationResults>" +
                "<IsTruncated>false</IsTruncated>",
                r =>
                {
                    var result = Assert.Single(((Page<SimulationResult>)r).Items);
                    Assert.Equal(
                        ("explicitDeny", "MfaEnforcement"), (result.Decision, result.MatchedStatementSources[0]));
                }),
        };
        return cases.ToDictionary(c => c.Action);
    }

    private static Dictionary<string, string> P(params string[] pairs) =>
        Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[2 * i], i => pairs[2 * i + 1]);

    private static string Attached() =>
        $"<AttachedPolicies><member><PolicyName>MfaEnforcement</PolicyName><PolicyArn>{PolicyArn}</PolicyArn>" +
        "</member></AttachedPolicies><IsTruncated>false</IsTruncated>";

    private static async Task<object> Done(Task task)
    {
        await task;
        return true;
    }

    private sealed record OperationCase(
        string Action,
        Func<IIamClient, Task<object>> Call,
        Dictionary<string, string> Parameters,
        string ResultXml,
        Action<object> Check)
    {
        public OperationCase(
            string action,
            Func<IIamClient, Task> call,
            Dictionary<string, string> parameters,
            string resultXml,
            Action<object> check)
            : this(action, async c => await Box(call(c)), parameters, resultXml, check)
        {
        }

        private static async Task<object> Box(Task task)
        {
            await task;
            var result = task.GetType().GetProperty("Result")?.GetValue(task);
            return result ?? true;
        }
    }
}
