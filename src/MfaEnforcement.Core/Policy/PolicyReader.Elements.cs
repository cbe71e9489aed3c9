using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace MfaEnforcement.Core.Policy;

/// <summary>The readers of a statement's elements and of JSON values, with messages that say where.</summary>
internal static partial class PolicyReader
{
    private static PolicyEffect ReadEffect(JsonElement element, string path)
    {
        string value = ReadString(element, path);
        return value switch
        {
            "Allow" => PolicyEffect.Allow,
            "Deny" => PolicyEffect.Deny,
            _ => throw new PolicyFormatException($"Effect must be \"Allow\" or \"Deny\" (as written), not '{value}'.",
                path),
        };
    }

    private static List<string> ReadActions(JsonElement element, string path)
    {
        List<string> actions = ReadStringOrArray(element, path, "action");
        foreach (string action in actions)
        {
            int colon = action.IndexOf(':');
            if (action != "*" && (colon <= 0 || colon == action.Length - 1 || action.IndexOf(':', colon + 1) >= 0))
            {
                throw new PolicyFormatException(
                    $"'{action}' is not an action; write it as service:Action (for example s3:GetObject) or *.", path);
            }
        }

        return actions;
    }

    private static PolicyPrincipal ReadPrincipal(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String && element.GetString() == "*")
        {
            return PolicyPrincipal.Everyone;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyFormatException(
                $"A principal must be \"*\" or an object such as {{\"AWS\": \"...\"}}, not {Describe(element)}.", path);
        }

        var entries = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (JsonProperty property in UniqueProperties(element, path))
        {
            List<string> values = ReadStringOrArray(property.Value, $"{path}.{property.Name}", "principal");
            entries.Add(new KeyValuePair<string, IReadOnlyList<string>>(property.Name, values));
        }

        if (entries.Count == 0)
        {
            throw new PolicyFormatException("The principal object is empty.", path);
        }

        return PolicyPrincipal.Of(entries);
    }

    private static List<PolicyCondition> ReadConditions(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyFormatException(
                $"Condition must be an object of operators, such as {{\"Bool\": {{...}}}}, not {Describe(element)}.",
                path);
        }

        var conditions = new List<PolicyCondition>();
        foreach (JsonProperty block in UniqueProperties(element, path))
        {
            string blockPath = $"{path}.{block.Name}";
            if (block.Name.Trim().Length == 0)
            {
                throw new PolicyFormatException("A condition operator name is empty.", path);
            }

            if (block.Value.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyFormatException(
                    $"The operator {block.Name} must hold an object of condition keys, not {Describe(block.Value)}.",
                    blockPath);
            }

            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty key in UniqueProperties(block.Value, blockPath))
            {
                string keyPath = $"{blockPath}.{key.Name}";
                if (key.Name.Trim().Length == 0)
                {
                    throw new PolicyFormatException("A condition key is empty.", blockPath);
                }

                if (!keys.Add(key.Name))
                {
                    throw new PolicyFormatException(
                        $"The condition key {key.Name} appears twice (condition keys ignore case).", keyPath);
                }

                conditions.Add(new PolicyCondition(block.Name, key.Name, ReadConditionValues(key.Value, keyPath)));
            }

            if (keys.Count == 0)
            {
                throw new PolicyFormatException($"The operator {block.Name} names no condition key.", blockPath);
            }
        }

        return conditions;
    }

    private static List<string> ReadConditionValues(JsonElement element, string path)
    {
        var values = new List<string>();
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                values.Add(ReadScalar(item, path));
            }

            if (values.Count == 0)
            {
                throw new PolicyFormatException("The condition has an empty array of values; give at least one.",
                    path);
            }
        }
        else
        {
            values.Add(ReadScalar(element, path));
        }

        return values;
    }

    private static string ReadScalar(JsonElement element, string path)
    {
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => element.GetRawText(),
            _ => throw new PolicyFormatException(
                $"A condition value must be a string, a boolean or a number, not {Describe(element)}.", path),
        };
    }

    private static List<string> ReadStringOrArray(JsonElement element, string path, string what)
    {
        var values = new List<string>();
        if (element.ValueKind == JsonValueKind.String)
        {
            values.Add(element.GetString()!);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    throw new PolicyFormatException($"Each {what} must be a string, not {Describe(item)}.", path);
                }

                values.Add(item.GetString()!);
            }
        }
        else
        {
            throw new PolicyFormatException(
                $"Expected a {what} as a string or an array of strings, not {Describe(element)}.", path);
        }

        if (values.Count == 0)
        {
            throw new PolicyFormatException($"The array is empty; give at least one {what}.", path);
        }

        if (values.Exists(v => v.Length == 0))
        {
            throw new PolicyFormatException($"An empty string is not a {what}.", path);
        }

        return values;
    }

    private static string ReadString(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw new PolicyFormatException($"Expected a string, not {Describe(element)}.", path);
        }

        return element.GetString()!;
    }

    private static IEnumerable<JsonProperty> UniqueProperties(JsonElement element, string? path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                throw new PolicyFormatException(
                    $"The element '{property.Name}' appears twice; JSON readers disagree on which one wins.", path);
            }

            yield return property;
        }
    }

    private static string Describe(JsonElement element)
    {
        return element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string \"{element.GetString()}\"",
            JsonValueKind.Number => $"the number {element.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
            JsonValueKind.Null => "null",
            _ => element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
        };
    }
}
