using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MfaEnforcement.HelpBuilder;

/// <summary>
/// Reads the <c>```yaml</c> block under a parameter's heading: the <c>Key: value</c> lines platyPS writes.
/// </summary>
/// <remarks>
/// The block is a flat list of known keys with one-line values, not general YAML, so it is read line by line:
/// that also lets every missing, unknown or malformed key be reported by name.
/// </remarks>
internal static class ParameterMetadataReader
{
    private const string TypeKey = "Type";
    private const string SetsKey = "Parameter Sets";
    private const string AliasesKey = "Aliases";
    private const string AcceptedValuesKey = "Accepted values";
    private const string RequiredKey = "Required";
    private const string PositionKey = "Position";
    private const string DefaultValueKey = "Default value";
    private const string PipelineKey = "Accept pipeline input";
    private const string WildcardKey = "Accept wildcard characters";

    private static readonly string[] s_requiredKeys =
    {
        TypeKey, SetsKey, AliasesKey, RequiredKey, PositionKey, DefaultValueKey, PipelineKey, WildcardKey,
    };

    private static readonly string[] s_optionalKeys = { AcceptedValuesKey };

    /// <summary>
    /// Reads one block; returns null, with the problems added to <paramref name="problems"/>, when it is not usable.
    /// </summary>
    public static ParameterUsage? Read(string yaml, ICollection<string> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string raw in yaml.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.IndexOf(':');
            string key = colon < 0 ? line : line[..colon].Trim();
            if (colon < 0 || !s_requiredKeys.Concat(s_optionalKeys).Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add("the yaml line '" + line + "' is not one of " + string.Join(", ", s_requiredKeys)
                    + " or " + string.Join(", ", s_optionalKeys) + " followed by a colon.");
                continue;
            }

            if (!values.TryAdd(key, line[(colon + 1)..].Trim()))
            {
                problems.Add("the yaml block has '" + key + ":' twice.");
            }
        }

        string[] missing = s_requiredKeys.Where(k => !values.ContainsKey(k)).ToArray();
        if (missing.Length > 0)
        {
            problems.Add("the yaml block lacks " + string.Join(", ", missing.Select(k => "'" + k + ":'")) + ".");
            return null;
        }

        int before = problems.Count;
        string type = values[TypeKey];
        if (type.Length == 0)
        {
            problems.Add("'Type:' is empty; write the type as the syntax shows it, such as String[].");
        }

        bool required = ReadBoolean(values, RequiredKey, problems);
        bool globbing = ReadBoolean(values, WildcardKey, problems);
        string position = ReadPosition(values[PositionKey], problems);
        string pipeline = ReadPipelineInput(values[PipelineKey], problems);
        if (problems.Count > before)
        {
            return null;
        }

        string defaultValue = values[DefaultValueKey].Length == 0 ? "None" : values[DefaultValueKey];
        string[] sets = values[SetsKey] is "" or "(All)" ? Array.Empty<string>() : List(values[SetsKey]);
        string[] aliases = values[AliasesKey] is "" or "None" ? Array.Empty<string>() : List(values[AliasesKey]);
        string[] accepted = values.TryGetValue(AcceptedValuesKey, out string? a) ? List(a) : Array.Empty<string>();
        return new ParameterUsage(type, sets, aliases, accepted, required, position, defaultValue, pipeline, globbing);
    }

    private static string[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool ReadBoolean(Dictionary<string, string> values, string key, ICollection<string> problems)
    {
        if (bool.TryParse(values[key], out bool result))
        {
            return result;
        }

        problems.Add("'" + key + ":' is '" + values[key] + "'; write True or False.");
        return false;
    }

    private static string ReadPosition(string value, ICollection<string> problems)
    {
        if (string.Equals(value, "Named", StringComparison.OrdinalIgnoreCase))
        {
            return "named";
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int position))
        {
            return position.ToString(CultureInfo.InvariantCulture);
        }

        problems.Add("'Position:' is '" + value + "'; write Named or the position counted from 0.");
        return "named";
    }

    private static string ReadPipelineInput(string value, ICollection<string> problems)
    {
        string[] accepted =
        {
            "False", "True (ByValue)", "True (ByPropertyName)", "True (ByValue, ByPropertyName)",
        };
        string? match = accepted.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            problems.Add("'Accept pipeline input:' is '" + value + "'; write one of " + string.Join(", ", accepted)
                + ".");
        }

        return match ?? "False";
    }
}
