using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MfaEnforcement.Core.Iam;
using Xunit;

namespace MfaEnforcement.Tests.Iam;

public sealed class IamClientBehaviourTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task ErrorXml_BecomesIamExceptionWithCodeStatusAndRequestId()
    {
        var handler = new StubHttpHandler().Respond(
            StubHttpHandler.Error("NoSuchEntity", "The user with name ghost cannot be found."),
            HttpStatusCode.NotFound);
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<IamException>(() => client.GetUserAsync("ghost", s_none));

        Assert.Equal(
            ("GetUser", "NoSuchEntity", HttpStatusCode.NotFound, "err-request-id",
                "The user with name ghost cannot be found."),
            (error.Operation, error.ErrorCode, error.StatusCode, error.RequestId, error.Message));
    }

    [Theory]
    [InlineData("EntityAlreadyExists", HttpStatusCode.Conflict)]
    [InlineData("LimitExceeded", HttpStatusCode.Conflict)]
    [InlineData("MalformedPolicyDocument", HttpStatusCode.BadRequest)]
    [InlineData("AccessDenied", HttpStatusCode.Forbidden)]
    public async Task ErrorXml_KeepsAwsErrorCode(string code, HttpStatusCode status)
    {
        var handler = new StubHttpHandler().Respond(StubHttpHandler.Error(code, "no"), status);
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<IamException>(
            () => client.CreatePolicyAsync("p", null, "{}", null, s_none));

        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public async Task Throttling_IsRetriedUntilItSucceeds()
    {
        var handler = new StubHttpHandler()
            .Respond(StubHttpHandler.Error("Throttling", "Rate exceeded"), HttpStatusCode.BadRequest)
            .Respond(StubHttpHandler.Iam("GetAccountSummary", "<SummaryMap/>"));
        using var client = TestClients.Create(handler);

        await client.GetAccountSummaryAsync(s_none);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task ServiceFailure_IsRetriedUntilItSucceeds()
    {
        var handler = new StubHttpHandler()
            .Respond(StubHttpHandler.Error("ServiceFailure", "oops", "Receiver"), HttpStatusCode.InternalServerError)
            .Respond(StubHttpHandler.Iam("GetAccountSummary", "<SummaryMap/>"));
        using var client = TestClients.Create(handler);

        await client.GetAccountSummaryAsync(s_none);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Throttling_AfterEveryRetry_SurfacesAsThrottling()
    {
        var handler = new StubHttpHandler();
        for (var i = 0; i < 2; i++)
        {
            handler.Respond(StubHttpHandler.Error("Throttling", "Rate exceeded"), HttpStatusCode.BadRequest);
        }

        using var client = TestClients.Create(handler, retries: 1);

        var error = await Assert.ThrowsAsync<IamException>(() => client.GetAccountSummaryAsync(s_none));

        Assert.Equal("Throttling", error.ErrorCode);
    }

    [Fact]
    public async Task Retries_GoOnAfterManyCallsHaveFailed()
    {
        // 20 calls that fail after two retries each would drain the SDK's process-wide retry quota (500 tokens,
        // 14 per retry after a 5xx answer); the call after them must still be retried.
        var fault = StubHttpHandler.Error("ServiceFailure", "oops", "Receiver");
        var handler = new StubHttpHandler();
        for (var i = 0; i < 20 * 3; i++)
        {
            handler.Respond(fault, HttpStatusCode.InternalServerError);
        }

        handler.Respond(fault, HttpStatusCode.InternalServerError)
            .Respond(StubHttpHandler.Iam("GetAccountSummary", "<SummaryMap/>"));
        using var client = TestClients.Create(handler, "http://127.0.0.1:9/", retries: 2);
        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<IamException>(() => client.GetAccountSummaryAsync(s_none));
        }

        await client.GetAccountSummaryAsync(s_none);

        Assert.Equal(20 * 3 + 2, handler.Requests.Count);
    }

    [Fact]
    public async Task BulkRead_IsRetriedMoreOftenThanOtherCalls()
    {
        var handler = new StubHttpHandler();
        for (var i = 0; i < 4; i++)
        {
            handler.Respond(
                StubHttpHandler.Error("ServiceFailure", "oops", "Receiver"), HttpStatusCode.InternalServerError);
        }

        handler.Respond(StubHttpHandler.Iam("ListUsers", "<Users/><IsTruncated>false</IsTruncated>"));
        using var client = new IamClient(
            new IamConnectionOptions
            {
                AccessKeyId = "AKIDEXAMPLE",
                SecretAccessKey = "secret",
                EndpointUrl = "http://127.0.0.1:1",
                MaxErrorRetry = 1,
                BulkReadMaxErrorRetry = 4,
            },
            handler);

        await client.ListUsersAsync(null, null, 1000, s_none);

        Assert.Equal(5, handler.Requests.Count);
    }

    [Fact]
    public async Task Requests_AreSignedWithSigV4ForIam()
    {
        var handler = new StubHttpHandler().Respond(StubHttpHandler.Iam("GetAccountSummary", "<SummaryMap/>"));
        using var client = TestClients.Create(handler);

        await client.GetAccountSummaryAsync(s_none);

        Assert.Matches(
            "^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/\\d{8}/us-east-1/iam/aws4_request",
            handler.Requests[0].Authorization);
    }

    [Fact]
    public async Task EndpointUrl_ReceivesTheRequest()
    {
        var handler = new StubHttpHandler().Respond(StubHttpHandler.Iam("GetAccountSummary", "<SummaryMap/>"));
        using var client = TestClients.Create(handler, "http://127.0.0.1:4599");

        await client.GetAccountSummaryAsync(s_none);

        Assert.Equal("http://127.0.0.1:4599/", handler.Requests[0].Uri.ToString());
    }

    [Theory]
    [InlineData(null, "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("us-gov-west-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    [InlineData("cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    public async Task Partition_SelectsItsGlobalEndpointAndSigningRegion(string? region, string url, string signing)
    {
        var handler = new StubHttpHandler().Respond(StubHttpHandler.Iam("GetAccountSummary", "<SummaryMap/>"));
        using var client = new IamClient(
            new IamConnectionOptions { AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = "secret", Region = region },
            handler);

        await client.GetAccountSummaryAsync(s_none);

        Assert.Equal(url, handler.Requests[0].Uri.ToString());
        Assert.Contains($"/{signing}/iam/aws4_request", handler.Requests[0].Authorization);
    }

    [Fact]
    public async Task Paging_FollowsMarkerWhateverThePageLength()
    {
        var handler = new StubHttpHandler()
            .Respond(Users(["a"], "m1"))
            .Respond(Users([], "m2"))
            .Respond(Users(["b", "c"], null));
        using var client = TestClients.Create(handler);

        var users = await IamPaging.ReadAllAsync(m => client.ListUsersAsync(null, m, 1000, s_none));

        Assert.Equal(["a", "b", "c"], users.Select(u => u.UserName));
        Assert.Equal(
            [null, "m1", "m2"],
            handler.Requests.Select(r => r.Form.TryGetValue("Marker", out var marker) ? marker : null));
    }

    [Fact]
    public async Task Cancellation_StopsTheCall()
    {
        var handler = new StubHttpHandler().Respond(StubHttpHandler.Iam("GetAccountSummary", "<SummaryMap/>"));
        using var client = TestClients.Create(handler);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAccountSummaryAsync(cancelled.Token));
    }

    [Fact]
    public async Task UnreadableResponse_IsInvalidResponse()
    {
        var handler = new StubHttpHandler().Respond(
            StubHttpHandler.Iam("GetUser", "<User><UserName>x</UserName></User>"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<IamException>(() => client.GetUserAsync("x", s_none));

        Assert.Equal(IamException.InvalidResponse, error.ErrorCode);
    }

    [Fact]
    public async Task UnreachableEndpoint_FailsWithinSecondsAsEndpointUnreachable()
    {
        using var client = new IamClient(new IamConnectionOptions
        {
            AccessKeyId = "AKIDEXAMPLE",
            SecretAccessKey = "secret",
            EndpointUrl = "http://127.0.0.1:9",
            MaxErrorRetry = 2,
        });

        var error = await Assert.ThrowsAsync<IamException>(() => client.GetAccountSummaryAsync(s_none));

        Assert.Equal(IamException.EndpointUnreachable, error.ErrorCode);
    }

    [Fact]
    public async Task GetCallerIdentity_GoesThroughStsAtTheSameEndpoint()
    {
        var handler = new StubHttpHandler().Respond(
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
            "<Arn>arn:aws:iam::123456789012:user/alice</Arn><UserId>AIDA1</UserId><Account>123456789012</Account>" +
            "</GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>" +
            "</GetCallerIdentityResponse>");
        using var client = TestClients.Create(handler);

        var identity = await client.GetCallerIdentityAsync(s_none);

        Assert.Equal(("123456789012", "GetCallerIdentity", "2011-06-15"),
            (identity.Account, handler.Requests[0].Form["Action"], handler.Requests[0].Form["Version"]));
    }

    [Fact]
    public async Task GetSessionToken_SendsSerialAndCodeAndReadsCredentials()
    {
        var handler = new StubHttpHandler().Respond(
            "<GetSessionTokenResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetSessionTokenResult>" +
            "<Credentials><SessionToken>token</SessionToken><SecretAccessKey>secret</SecretAccessKey>" +
            "<Expiration>2030-01-01T00:00:00Z</Expiration><AccessKeyId>ASIAEXAMPLE</AccessKeyId></Credentials>" +
            "</GetSessionTokenResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>" +
            "</GetSessionTokenResponse>");
        using var client = TestClients.Create(handler);

        var session = await client.GetSessionTokenAsync(3600, "arn:aws:iam::123456789012:mfa/alice", "123456", s_none);

        Assert.Equal("ASIAEXAMPLE", session.AccessKeyId);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["DurationSeconds"] = "3600",
                ["SerialNumber"] = "arn:aws:iam::123456789012:mfa/alice",
                ["TokenCode"] = "123456",
            },
            handler.Requests[0].Form.Where(p => p.Key is "DurationSeconds" or "SerialNumber" or "TokenCode")
                .ToDictionary(p => p.Key, p => p.Value));
    }

    [Fact]
    public async Task StsError_BecomesIamException()
    {
        var handler = new StubHttpHandler().Respond(
            "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>" +
            "<Code>AccessDenied</Code><Message>MultiFactorAuthentication failed</Message></Error>" +
            "<RequestId>r</RequestId></ErrorResponse>",
            HttpStatusCode.Forbidden);
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<IamException>(
            () => client.GetSessionTokenAsync(null, "arn:mfa", "000000", s_none));

        Assert.Equal(("GetSessionToken", "AccessDenied"), (error.Operation, error.ErrorCode));
    }

    [Fact]
    public void MissingProfile_IsProfileNotFound()
    {
        var error = Assert.Throws<IamException>(
            () => new IamClient(new IamConnectionOptions { ProfileName = "no-such-profile-" + Guid.NewGuid() }));

        Assert.Equal(IamException.ProfileNotFound, error.ErrorCode);
    }

    private static string Users(string[] names, string? marker)
    {
        var members = string.Concat(names.Select(n =>
            $"<member><UserName>{n}</UserName><UserId>AIDA{n}</UserId><Path>/</Path>" +
            $"<Arn>arn:aws:iam::123456789012:user/{n}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></member>"));
        var paging = marker is null
            ? "<IsTruncated>false</IsTruncated>"
            : $"<IsTruncated>true</IsTruncated><Marker>{marker}</Marker>";
        return StubHttpHandler.Iam("ListUsers", $"<Users>{members}</Users>{paging}");
    }
}
