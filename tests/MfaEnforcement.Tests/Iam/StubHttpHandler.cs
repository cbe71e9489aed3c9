using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MfaEnforcement.Tests.Iam;

/// <summary>Answers the SDK's HTTP requests from a queue and records what was sent.</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string Body)> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public StubHttpHandler Respond(string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _responses.Enqueue((status, body));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(ct);
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        var authorization = request.Headers.TryGetValues("Authorization", out var values)
            ? string.Join(",", values)
            : string.Empty;
        Requests.Add(new RecordedRequest(request.RequestUri!, form, authorization));

        if (_responses.Count == 0)
        {
            throw new InvalidOperationException($"No response queued for {form.GetValueOrDefault("Action")}.");
        }

        var (status, text) = _responses.Dequeue();
        return new HttpResponseMessage(status)
        {
            Content = new StringContent(text, Encoding.UTF8, "text/xml"),
            Headers = { { "x-amzn-RequestId", "req-" + Requests.Count } },
        };
    }

    /// <summary>The usual IAM success envelope around a result body.</summary>
    public static string Iam(string action, string result) =>
        $"<{action}Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><{action}Result>{result}" +
        $"</{action}Result><ResponseMetadata><RequestId>11111111-2222-3333-4444-555555555555</RequestId>" +
        $"</ResponseMetadata></{action}Response>";

    /// <summary>An IAM error envelope.</summary>
    public static string Error(string code, string message, string type = "Sender") =>
        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error>" +
        $"<Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error>" +
        "<RequestId>err-request-id</RequestId></ErrorResponse>";
}

internal sealed record RecordedRequest(Uri Uri, IReadOnlyDictionary<string, string> Form, string Authorization);
