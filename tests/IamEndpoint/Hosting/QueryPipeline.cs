using IamEndpoint.Account;
using IamEndpoint.Operations.Simulation;
using IamEndpoint.Protocol;
using Microsoft.Extensions.Primitives;

namespace IamEndpoint.Hosting;

/// <summary>
/// Serves one Query-protocol request: log it, wait the configured latency, maybe inject a fault, authenticate,
/// run the action under the account lock and answer in XML.
/// </summary>
internal sealed class QueryPipeline(
    AccountHolder holder,
    OperationTable operations,
    RequestLog log,
    FaultInjector faults,
    IPolicySimulator simulator,
    int latencyMs,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        ServiceException? unreadable = null;
        IReadOnlyDictionary<string, string> parameters;
        try
        {
            parameters = await ReadParametersAsync(http.Request, http.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            parameters = new Dictionary<string, string>();
            unreadable = new ServiceException(
                "MalformedQueryString", 400, $"The request body cannot be read: {e.Message}");
        }

        string requestId = Guid.NewGuid().ToString();
        string? authorization = http.Request.Headers.Authorization;
        DateTime now = Now();
        RequestLogEntry entry = log.Begin(now, parameters, AccessKeyIdForLog(authorization), requestId);

        if (latencyMs > 0)
        {
            await Task.Delay(latencyMs, http.RequestAborted);
        }

        ApiService service = ApiService.ForVersion(parameters.GetValueOrDefault("Version"));
        string? securityToken = http.Request.Headers["X-Amz-Security-Token"];
        int status = StatusCodes.Status200OK;
        string? errorCode = null;
        byte[] body;
        try
        {
            body = unreadable is null
                ? Execute(parameters, authorization, securityToken, requestId)
                : throw unreadable;
        }
        catch (ServiceException error)
        {
            (status, errorCode) = (error.Status, error.Code);
            body = ResponseWriter.Error(service, error, requestId);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // A defect in this endpoint: the client still gets a well-formed AWS error, the cause goes to stderr.
            logger.LogError(unexpected, "{Action} failed", parameters.GetValueOrDefault("Action"));
            var failure = new ServiceException("ServiceFailure", 500, $"Endpoint defect: {unexpected.Message}", false);
            (status, errorCode) = (failure.Status, failure.Code);
            body = ResponseWriter.Error(service, failure, requestId);
        }

        log.Complete(entry, status, errorCode);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/xml";
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private byte[] Execute(
        IReadOnlyDictionary<string, string> parameters, string? authorization, string? securityToken, string requestId)
    {
        faults.Draw();

        string action = parameters.GetValueOrDefault("Action") ?? throw Errors.MissingAction();
        string? version = parameters.GetValueOrDefault("Version");
        if (!operations.TryGet(action, out Operation operation) || operation.Service.Version != version)
        {
            throw Errors.InvalidAction(action, version);
        }

        SigV4Authorization signature = SigV4Authorization.Parse(authorization);
        var request = new QueryParameters(parameters);
        lock (holder.Sync)
        {
            AccountState account = holder.State;
            DateTime now = Now();
            Caller caller = CallerResolver.Resolve(account, signature.AccessKeyId, securityToken, now);
            return ResponseWriter.Success(operation, requestId, result =>
                operation.Handler(new OperationContext(request, account, caller, result, now, simulator)));
        }
    }

    private static DateTime Now()
    {
        DateTime now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    /// <summary>The key id for the log, read leniently so unsigned or malformed requests are logged too.</summary>
    private static string? AccessKeyIdForLog(string? authorization)
    {
        const string marker = "Credential=";
        int start = authorization?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        int end = authorization!.IndexOf('/', start);
        return end > start ? authorization[start..end] : null;
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadParametersAsync(
        HttpRequest request, CancellationToken cancellation)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, StringValues values) in request.Query)
        {
            parameters[name] = values.ToString();
        }

        // The Query protocol sends URL-encoded forms only; other bodies are left unread.
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            == true)
        {
            IFormCollection form = await request.ReadFormAsync(cancellation);
            foreach ((string name, StringValues values) in form)
            {
                parameters[name] = values.ToString();
            }
        }

        return parameters;
    }
}
