using System.Collections.Generic;
using System.Globalization;

namespace MfaEnforcement.Core.Iam;

/// <summary>Builds the flat form parameters of a Query-protocol request; null values are left out.</summary>
internal sealed class QueryParameters : List<KeyValuePair<string, string>>
{
    public QueryParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    public QueryParameters Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryParameters Add(string name, bool value) => Add(name, value ? "true" : "false");

    /// <summary>A list parameter, flattened as <c>Name.member.1</c>, <c>Name.member.2</c>, ...</summary>
    public QueryParameters AddList(string name, IEnumerable<string>? values)
    {
        var index = 1;
        foreach (var value in values ?? [])
        {
            Add($"{name}.member.{index.ToString(CultureInfo.InvariantCulture)}", value);
            index++;
        }

        return this;
    }

    /// <summary>The paging pair every list action takes.</summary>
    public QueryParameters Paging(string? marker, int maxItems) => Add("Marker", marker).Add("MaxItems", maxItems);
}
