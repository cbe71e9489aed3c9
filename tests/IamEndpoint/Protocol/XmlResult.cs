using System.Globalization;
using System.Xml;

namespace IamEndpoint.Protocol;

/// <summary>
/// Writes the elements of a Query-protocol result: lists as <c>member</c> elements, dates in ISO 8601 UTC,
/// booleans in lower case, every element in the service's namespace.
/// </summary>
internal sealed class XmlResult(XmlWriter writer, string ns)
{
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public void Value(string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteElementString(name, ns, value);
        }
    }

    public void Value(string name, DateTime? value)
    {
        if (value is not null)
        {
            writer.WriteElementString(name, ns, FormatDate(value.Value));
        }
    }

    public void Value(string name, bool value) => writer.WriteElementString(name, ns, value ? "true" : "false");

    public void Value(string name, int value) =>
        writer.WriteElementString(name, ns, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Binary content, base64 encoded as AWS sends blobs.</summary>
    public void Value(string name, byte[] value) => writer.WriteElementString(name, ns, Convert.ToBase64String(value));

    public void Open(string name) => writer.WriteStartElement(name, ns);

    public void Close() => writer.WriteEndElement();

    /// <summary>A structure element whose content <paramref name="body"/> writes.</summary>
    public void Structure(string name, Action body)
    {
        Open(name);
        body();
        Close();
    }

    /// <summary>A list element with one <c>member</c> per item.</summary>
    public void List<T>(string name, IEnumerable<T> items, Action<T> member)
    {
        Open(name);
        foreach (T item in items)
        {
            Open("member");
            member(item);
            Close();
        }

        Close();
    }

    /// <summary>A list of strings, each the text of a <c>member</c> element.</summary>
    public void StringList(string name, IEnumerable<string> items)
    {
        Open(name);
        foreach (string item in items)
        {
            writer.WriteElementString("member", ns, item);
        }

        Close();
    }

    /// <summary>A map as the Query protocol writes it: <c>entry</c> elements of <c>key</c> and <c>value</c>.</summary>
    public void Map(string name, IEnumerable<KeyValuePair<string, int>> entries)
    {
        Open(name);
        foreach ((string key, int value) in entries)
        {
            Open("entry");
            Value("key", key);
            Value("value", value);
            Close();
        }

        Close();
    }

    /// <summary>IsTruncated and, when truncated, Marker.</summary>
    public void PageEnd<T>(Page<T> page)
    {
        Value("IsTruncated", page.IsTruncated);
        Value("Marker", page.NextMarker);
    }

    public static string FormatDate(DateTime value) =>
        value.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture);
}
