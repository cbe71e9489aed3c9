using System.Text;

namespace IamEndpoint.Protocol;

/// <summary>
/// MaxItems and Marker as IAM pages them. A marker holds the sort key of the first item of the next page, so it
/// stays valid while other requests add or remove items.
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html
/// </summary>
internal readonly record struct PageRequest(int MaxItems, string? StartKey)
{
    public const int DefaultMaxItems = 100;

    private const string MarkerPrefix = "iamendpoint-v1:";

    public static PageRequest From(QueryParameters request)
    {
        int maxItems = request.Int("MaxItems") ?? DefaultMaxItems;
        if (maxItems < 1)
        {
            throw Errors.Constraint("MaxItems", maxItems.ToString(), "have value greater than or equal to 1");
        }

        if (maxItems > 1000)
        {
            throw Errors.Constraint("MaxItems", maxItems.ToString(), "have value less than or equal to 1000");
        }

        string? marker = request.Optional("Marker");
        return new PageRequest(maxItems, marker is null ? null : DecodeMarker(marker));
    }

    public static string EncodeMarker(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(MarkerPrefix + key));

    private static string DecodeMarker(string marker)
    {
        try
        {
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            if (text.StartsWith(MarkerPrefix, StringComparison.Ordinal))
            {
                return text[MarkerPrefix.Length..];
            }
        }
        catch (FormatException)
        {
            // Falls through to the same answer as a well-formed marker this endpoint did not issue.
        }

        throw Errors.ValidationError("Invalid Marker: pass the Marker returned by the previous page unchanged.");
    }
}

/// <summary>One page of items and, when more remain, the marker of the next.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? NextMarker)
{
    public bool IsTruncated => NextMarker is not null;
}

internal static class Paging
{
    /// <summary>
    /// Takes a page from items already ordered by <paramref name="key"/> (ordinal). Items before the marker's key
    /// are skipped.
    /// </summary>
    public static Page<T> Take<T>(IEnumerable<T> ordered, Func<T, string> key, PageRequest page)
    {
        var items = new List<T>(Math.Min(page.MaxItems, 128));
        foreach (T item in ordered)
        {
            string itemKey = key(item);
            if (page.StartKey is not null && string.CompareOrdinal(itemKey, page.StartKey) < 0)
            {
                continue;
            }

            if (items.Count == page.MaxItems)
            {
                return new Page<T>(items, PageRequest.EncodeMarker(itemKey));
            }

            items.Add(item);
        }

        return new Page<T>(items, null);
    }
}
