using System.Text.Json;
using IamEndpoint.Protocol;

namespace IamEndpoint.Hosting;

/// <summary>One Query request as GET /_endpoint/requests reports it.</summary>
internal sealed class RequestLogEntry
{
    public required long Sequence { get; init; }

    public required DateTime Time { get; init; }

    public required string? Action { get; init; }

    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public required string? AccessKeyId { get; init; }

    public required string RequestId { get; init; }

    /// <summary>The HTTP status answered; null while the request is in flight.</summary>
    public int? Status { get; set; }

    public string? ErrorCode { get; set; }
}

/// <summary>The Query requests received, in order of arrival. Thread-safe.</summary>
internal sealed class RequestLog
{
    private readonly Lock _sync = new();
    private readonly List<RequestLogEntry> _entries = [];
    private long _sequence;

    public RequestLogEntry Begin(
        DateTime time, IReadOnlyDictionary<string, string> parameters, string? accessKeyId, string requestId)
    {
        lock (_sync)
        {
            var entry = new RequestLogEntry
            {
                Sequence = ++_sequence,
                Time = time,
                Action = parameters.GetValueOrDefault("Action"),
                Parameters = parameters,
                AccessKeyId = accessKeyId,
                RequestId = requestId,
            };
            _entries.Add(entry);
            return entry;
        }
    }

    public void Complete(RequestLogEntry entry, int status, string? errorCode)
    {
        lock (_sync)
        {
            entry.Status = status;
            entry.ErrorCode = errorCode;
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _entries.Clear();
            _sequence = 0;
        }
    }

    /// <summary>The log as a JSON array, written by hand so no reflection runs per request.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            lock (_sync)
            {
                foreach (RequestLogEntry entry in _entries)
                {
                    Write(json, entry);
                }
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter json, RequestLogEntry entry)
    {
        json.WriteStartObject();
        json.WriteNumber("sequence", entry.Sequence);
        json.WriteString("time", XmlResult.FormatDate(entry.Time));
        json.WriteString("action", entry.Action);
        json.WriteString("accessKeyId", entry.AccessKeyId);
        if (entry.Status is { } status)
        {
            json.WriteNumber("status", status);
        }
        else
        {
            json.WriteNull("status");
        }

        json.WriteString("errorCode", entry.ErrorCode);
        json.WriteString("requestId", entry.RequestId);
        json.WriteStartObject("parameters");
        foreach ((string name, string value) in entry.Parameters)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
