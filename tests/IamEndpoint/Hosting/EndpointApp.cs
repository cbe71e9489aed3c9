using System.Text;
using IamEndpoint.Account;

namespace IamEndpoint.Hosting;

/// <summary>
/// Routes a request: <c>/_endpoint/...</c> control routes (no signature needed), everything else the Query API.
/// </summary>
internal sealed class EndpointApp(QueryPipeline queries, AccountHolder holder, RequestLog log, FaultInjector faults)
{
    private const string ControlPrefix = "/_endpoint/";

    public Task HandleAsync(HttpContext http)
    {
        string path = http.Request.Path.Value ?? "/";
        if (!path.StartsWith(ControlPrefix, StringComparison.Ordinal))
        {
            return queries.HandleAsync(http);
        }

        return (http.Request.Method, path[ControlPrefix.Length..]) switch
        {
            ("GET", "requests") => WriteAsync(http, 200, "application/json", log.ToJson()),
            ("DELETE", "requests") => Clear(http),
            ("POST", "reset") => Reset(http),
            _ => WriteAsync(http, 404, "text/plain",
                Encoding.UTF8.GetBytes("Control routes: GET|DELETE /_endpoint/requests, POST /_endpoint/reset\n")),
        };
    }

    private Task Clear(HttpContext http)
    {
        log.Clear();
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Reloads the seed and forgets the log, the sessions and the fault sequence.</summary>
    private Task Reset(HttpContext http)
    {
        try
        {
            holder.Reload();
        }
        catch (SeedException e)
        {
            return WriteAsync(http, 500, "text/plain", Encoding.UTF8.GetBytes($"Seed no longer loads: {e.Message}\n"));
        }

        log.Clear();
        faults.Reset();
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static async Task WriteAsync(HttpContext http, int status, string contentType, byte[] body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
