using System.Globalization;

namespace IamEndpoint.Protocol;

/// <summary>
/// The parameters of a Query-protocol request, with AWS's list and structure conventions
/// (<c>Name.member.N</c>, <c>Name.member.N.Field</c>):
/// https://docs.aws.amazon.com/IAM/latest/APIReference/iam-api.pdf (Query requests).
/// </summary>
internal sealed class QueryParameters(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    /// <summary>The value, or null when absent. An empty value counts as given.</summary>
    public string? Optional(string name) => Values.TryGetValue(name, out string? value) ? value : null;

    /// <summary>The value, or ValidationError in AWS's wording when it is absent or empty.</summary>
    public string Required(string name)
    {
        string? value = Optional(name);
        if (value is null)
        {
            throw Errors.Constraint(name, null, "not be null");
        }

        if (value.Length == 0)
        {
            throw Errors.Constraint(name, value, "have length greater than or equal to 1");
        }

        return value;
    }

    public bool? Bool(string name)
    {
        string? value = Optional(name);
        return value?.ToLowerInvariant() switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => throw Errors.ValidationError($"Invalid value '{value}' for boolean parameter {name}."),
        };
    }

    public int? Int(string name)
    {
        string? value = Optional(name);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw Errors.ValidationError($"Invalid value '{value}' for integer parameter {name}.");
    }

    /// <summary>The strings of a list parameter, <c>Name.member.1</c> onwards, in index order.</summary>
    public IReadOnlyList<string> List(string name)
    {
        string prefix = name + ".member.";
        var items = new SortedDictionary<int, string>();
        foreach ((string key, string value) in Values)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) &&
                int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int i))
            {
                items[i] = value;
            }
        }

        return [.. items.Values];
    }

    /// <summary>The structures of a list parameter, each with its own fields, in index order.</summary>
    public IReadOnlyList<QueryParameters> StructureList(string name)
    {
        string prefix = name + ".member.";
        var items = new SortedDictionary<int, Dictionary<string, string>>();
        foreach ((string key, string value) in Values)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            ReadOnlySpan<char> rest = key.AsSpan(prefix.Length);
            int dot = rest.IndexOf('.');
            if (dot <= 0 ||
                !int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                continue;
            }

            if (!items.TryGetValue(index, out Dictionary<string, string>? fields))
            {
                fields = new Dictionary<string, string>(StringComparer.Ordinal);
                items[index] = fields;
            }

            fields[rest[(dot + 1)..].ToString()] = value;
        }

        return [.. items.Values.Select(fields => new QueryParameters(fields))];
    }
}
