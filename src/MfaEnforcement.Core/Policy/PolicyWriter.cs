using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MfaEnforcement.Core.Policy;

/// <summary>
/// Writes the policy model as JSON in a stable, readable form: a fixed element order, single values as strings
/// and several as arrays, characters such as <c>+</c> and <c>&lt;</c> left as they are (IAM names use them).
/// </summary>
internal static class PolicyWriter
{
    public static string Write(PolicyDocument document, bool indented)
    {
        var options = new JsonWriterOptions
        {
            Indented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            WriteDocument(writer, document);
        }

        string json = Encoding.UTF8.GetString(stream.ToArray());

        // Utf8JsonWriter ends lines with Environment.NewLine; a raw line break can only be whitespace outside
        // strings, so normalising it keeps the output the same on every platform.
        return indented ? json.Replace("\r\n", "\n") : json;
    }

    public static int MeasureMinifiedLength(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        int count = 0;
        bool inString = false;
        bool escaped = false;
        foreach (char c in json)
        {
            if (inString)
            {
                count++;
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                count++;
                inString = true;
            }
            else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                count++;
            }
        }

        return count;
    }

    private static void WriteDocument(Utf8JsonWriter writer, PolicyDocument document)
    {
        writer.WriteStartObject();
        if (document.Version is not null)
        {
            writer.WriteString("Version", document.Version);
        }

        if (document.Id is not null)
        {
            writer.WriteString("Id", document.Id);
        }

        writer.WriteStartArray("Statement");
        foreach (PolicyStatement statement in document.Statements)
        {
            WriteStatement(writer, statement);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStatement(Utf8JsonWriter writer, PolicyStatement statement)
    {
        writer.WriteStartObject();
        if (statement.Sid is not null)
        {
            writer.WriteString("Sid", statement.Sid);
        }

        writer.WriteString("Effect", statement.Effect == PolicyEffect.Allow ? "Allow" : "Deny");
        WritePrincipal(writer, "Principal", statement.Principal);
        WritePrincipal(writer, "NotPrincipal", statement.NotPrincipal);
        if (statement.UsesNotAction)
        {
            WriteValues(writer, "NotAction", statement.NotActions);
        }
        else
        {
            WriteValues(writer, "Action", statement.Actions);
        }

        if (statement.UsesNotResource)
        {
            WriteValues(writer, "NotResource", statement.NotResources);
        }
        else if (statement.Resources.Count > 0)
        {
            WriteValues(writer, "Resource", statement.Resources);
        }

        if (statement.Conditions.Count > 0)
        {
            WriteConditions(writer, statement.Conditions);
        }

        writer.WriteEndObject();
    }

    private static void WritePrincipal(Utf8JsonWriter writer, string name, PolicyPrincipal? principal)
    {
        if (principal is null)
        {
            return;
        }

        if (principal.IsWildcard)
        {
            writer.WriteString(name, "*");
            return;
        }

        writer.WriteStartObject(name);
        foreach (KeyValuePair<string, IReadOnlyList<string>> entry in principal.Entries)
        {
            WriteValues(writer, entry.Key, entry.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteConditions(Utf8JsonWriter writer, IReadOnlyList<PolicyCondition> conditions)
    {
        writer.WriteStartObject("Condition");
        var blocks = conditions.GroupBy(c => c.Operator, StringComparer.Ordinal);
        foreach (IGrouping<string, PolicyCondition> block in blocks)
        {
            writer.WriteStartObject(block.Key);
            foreach (PolicyCondition condition in block)
            {
                WriteValues(writer, condition.Key, condition.Values);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            writer.WriteString(name, values[0]);
            return;
        }

        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
