using System;
using System.Collections.Generic;
using System.Linq;

namespace MfaEnforcement.Core.Sessions;

/// <summary>
/// Reads and edits one profile of an AWS shared credentials file (INI: <c>[name]</c> sections of
/// <c>key = value</c> lines, <c>#</c> and <c>;</c> comments) while every line outside the keys it sets stays as it
/// was, comments, blank lines, spacing and line endings included. See
/// https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html.
/// </summary>
public static class CredentialsFileText
{
    /// <summary>The longest profile name accepted.</summary>
    public const int MaxProfileNameLength = 128;

    private const string ProfileNamePunctuation = "-_.@+=,:/";

    /// <summary>Why a profile name cannot be written as a section header, or null when it can.</summary>
    public static string? CheckProfileName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "A profile name cannot be empty.";
        }

        if (name.Length > MaxProfileNameLength)
        {
            return $"The profile name '{name}' is longer than {MaxProfileNameLength} characters.";
        }

        if (name.Any(c => !(c < 128 && char.IsLetterOrDigit(c)) && ProfileNamePunctuation.IndexOf(c) < 0))
        {
            return $"The profile name '{name}' may hold only letters, digits and '{ProfileNamePunctuation}', " +
                "for example 'mfa' or 'work-mfa'.";
        }

        return null;
    }

    /// <summary>A profile's keys and values (keys compared ignoring case), or null when it has no section.</summary>
    public static IReadOnlyDictionary<string, string>? ReadProfile(string text, string profileName)
    {
        var lines = Split(text);
        var header = FindSection(lines, profileName);
        if (header < 0)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = header + 1; i < lines.Count && !IsSectionHeader(lines[i].Content, out _); i++)
        {
            if (TryReadKey(lines[i].Content, out var key, out var value) && !values.ContainsKey(key))
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>
    /// The text with the profile's keys set: a key with a null value is removed, an existing key is rewritten on
    /// its own line, a new one follows the section's last key, and a missing section is appended at the end.
    /// </summary>
    public static string SetProfile(
        string text, string profileName, IReadOnlyList<KeyValuePair<string, string?>> values)
    {
        var lines = Split(text);
        var newLine = text.Contains("\r\n") ? "\r\n" : "\n";
        var header = FindSection(lines, profileName);
        if (header < 0)
        {
            return AppendSection(text, profileName, values, newLine);
        }

        var end = header + 1;
        while (end < lines.Count && !IsSectionHeader(lines[end].Content, out _))
        {
            end++;
        }

        foreach (var pair in values)
        {
            var index = FindKey(lines, header + 1, end, pair.Key);
            if (index >= 0 && pair.Value is null)
            {
                lines.RemoveAt(index);
                end--;
            }
            else if (index >= 0)
            {
                lines[index] = new Line(FormatKey(pair.Key, pair.Value!), lines[index].Ending);
            }
            else if (pair.Value is not null)
            {
                // A last line without a line ending keeps that property: the new line becomes the one without.
                var after = LastKeyLine(lines, header, end);
                var ending = newLine;
                if (lines[after].Ending.Length == 0)
                {
                    lines[after] = new Line(lines[after].Content, newLine);
                    ending = string.Empty;
                }

                lines.Insert(after + 1, new Line(FormatKey(pair.Key, pair.Value), ending));
                end++;
            }
        }

        return string.Concat(lines.Select(l => l.Content + l.Ending));
    }

    private static string AppendSection(
        string text, string profileName, IReadOnlyList<KeyValuePair<string, string?>> values, string newLine)
    {
        var section = new System.Text.StringBuilder();
        if (text.Length > 0)
        {
            if (!text.EndsWith("\n") && !text.EndsWith("\r"))
            {
                section.Append(newLine);
            }

            if (!EndsWithBlankLine(text))
            {
                section.Append(newLine);
            }
        }

        section.Append('[').Append(profileName).Append(']').Append(newLine);
        foreach (var pair in values.Where(p => p.Value is not null))
        {
            section.Append(FormatKey(pair.Key, pair.Value!)).Append(newLine);
        }

        return text + section;
    }

    private static bool EndsWithBlankLine(string text)
    {
        var trimmed = text.TrimEnd('\r', '\n');
        var tail = text.Substring(trimmed.Length);
        return tail.Count(c => c == '\n') >= 2 || trimmed.Length == 0;
    }

    private static string FormatKey(string key, string value) => $"{key} = {value}";

    private static int FindSection(List<Line> lines, string profileName)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsSectionHeader(lines[i].Content, out var name) &&
                string.Equals(name, profileName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindKey(List<Line> lines, int start, int end, string key)
    {
        for (var i = start; i < end; i++)
        {
            if (TryReadKey(lines[i].Content, out var found, out _) &&
                string.Equals(found, key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastKeyLine(List<Line> lines, int header, int end)
    {
        var last = header;
        for (var i = header + 1; i < end; i++)
        {
            if (TryReadKey(lines[i].Content, out _, out _))
            {
                last = i;
            }
        }

        return last;
    }

    private static bool IsSectionHeader(string content, out string name)
    {
        var trimmed = content.Trim();
        var close = trimmed.IndexOf(']');
        if (trimmed.StartsWith("[") && close > 0)
        {
            name = trimmed.Substring(1, close - 1).Trim();
            return true;
        }

        name = string.Empty;
        return false;
    }

    private static bool TryReadKey(string content, out string key, out string value)
    {
        var trimmed = content.TrimStart();
        var equals = content.IndexOf('=');
        if (trimmed.Length == 0 || trimmed[0] is '#' or ';' || equals <= 0 || char.IsWhiteSpace(content[0]))
        {
            key = value = string.Empty;
            return false;
        }

        key = content.Substring(0, equals).Trim();
        value = content.Substring(equals + 1).Trim();
        return key.Length > 0;
    }

    private static List<Line> Split(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        while (start < text.Length)
        {
            var newLine = text.IndexOf('\n', start);
            if (newLine < 0)
            {
                lines.Add(new Line(text.Substring(start), string.Empty));
                break;
            }

            var contentEnd = newLine > start && text[newLine - 1] == '\r' ? newLine - 1 : newLine;
            lines.Add(new Line(
                text.Substring(start, contentEnd - start), text.Substring(contentEnd, newLine + 1 - contentEnd)));
            start = newLine + 1;
        }

        return lines;
    }

    private readonly struct Line(string content, string ending)
    {
        public string Content { get; } = content;

        public string Ending { get; } = ending;
    }
}
