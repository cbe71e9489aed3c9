using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using MfaEnforcement.Core.Iam;

namespace MfaEnforcement.Core.Sessions;

/// <summary>
/// Remembers the sessions that were not saved as a profile (<c>-SetEnvironment</c>, or the object), so the next
/// command reuses them instead of asking for a code: <c>mfaenforcement/sessions.json</c> beside the shared
/// credentials file (<c>~/.aws/mfaenforcement/sessions.json</c> by default), owner-only like the AWS CLI's own
/// cache. Expired sessions are dropped whenever it is written.
/// </summary>
public sealed class SessionCacheFile : ISessionStore
{
    /// <summary>Uses a cache file, which need not exist yet.</summary>
    public SessionCacheFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The cache file's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Description => $"the session cache '{Path}'";

    /// <summary>The cache beside a shared credentials file.</summary>
    public static SessionCacheFile Beside(SharedCredentialsFile credentialsFile) =>
        new(System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(credentialsFile.Path)!, "mfaenforcement", "sessions.json"));

    /// <inheritdoc />
    public StoredSession? Find(string source, string? serialNumber) =>
        Read()
            .Where(s => s.Source == source && (serialNumber is null || s.SerialNumber == serialNumber))
            .OrderByDescending(s => s.Expiration)
            .FirstOrDefault();

    /// <inheritdoc />
    public void CheckCanSave()
    {
    }

    /// <inheritdoc />
    public void Save(StoredSession session, DateTime utcNow)
    {
        var kept = Read()
            .Where(s => s.Expiration > utcNow &&
                !(s.Source == session.Source && s.SerialNumber == session.SerialNumber))
            .Append(session)
            .ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("sessions");
            foreach (var stored in kept)
            {
                json.WriteStartObject();
                json.WriteString("source", stored.Source);
                json.WriteString("serialNumber", stored.SerialNumber);
                json.WriteString("accessKeyId", stored.Credentials.AccessKeyId);
                json.WriteString("secretAccessKey", stored.Credentials.SecretAccessKey);
                json.WriteString("sessionToken", stored.Credentials.SessionToken);
                json.WriteString(
                    "expiration", stored.Expiration.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        try
        {
            PrivateFile.Replace(Path, buffer.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MfaSessionException(
                MfaSessionException.StoreUnavailable,
                $"The session cache '{Path}' cannot be written: {e.Message} Check the permissions of its folder.",
                e);
        }
    }

    /// <summary>The remembered sessions; an unreadable or damaged cache counts as empty, it only saves codes.</summary>
    private List<StoredSession> Read()
    {
        var sessions = new List<StoredSession>();
        try
        {
            if (!File.Exists(Path))
            {
                return sessions;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
            if (!document.RootElement.TryGetProperty("sessions", out var items) ||
                items.ValueKind != JsonValueKind.Array)
            {
                return sessions;
            }

            foreach (var item in items.EnumerateArray())
            {
                var credentials = new SessionCredentials(
                    Text(item, "accessKeyId"),
                    Text(item, "secretAccessKey"),
                    Text(item, "sessionToken"),
                    item.GetProperty("expiration").GetDateTime().ToUniversalTime());
                sessions.Add(new StoredSession(Text(item, "source"), Text(item, "serialNumber"), credentials));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException
            or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            sessions.Clear();
        }

        return sessions;
    }

    private static string Text(JsonElement item, string name) =>
        item.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null.");
}
