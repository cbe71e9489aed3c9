using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MfaEnforcement.Core.Iam;

/// <summary>
/// Follows IAM's <c>Marker</c> until <c>IsTruncated</c> is false, whatever the length of each page: IAM may return
/// a short page while more remain.
/// </summary>
public static class IamPaging
{
    /// <summary>IAM's largest page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Every item of every page, in order.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(Func<string?, Task<Page<T>>> fetchPage)
    {
        var items = new List<T>();
        string? marker = null;
        do
        {
            var page = await fetchPage(marker).ConfigureAwait(false);
            items.AddRange(page.Items);
            marker = page.Marker;
        }
        while (marker is not null);

        return items;
    }

    /// <summary>
    /// The pages one by one, each fetched when the caller asks for it, so a cmdlet can write a page's objects
    /// before the next request. Blocks the calling thread while a page is in flight.
    /// </summary>
    public static IEnumerable<Page<T>> Pages<T>(Func<string?, Task<Page<T>>> fetchPage)
    {
        string? marker = null;
        do
        {
            var page = fetchPage(marker).ConfigureAwait(false).GetAwaiter().GetResult();
            yield return page;
            marker = page.Marker;
        }
        while (marker is not null);
    }

    /// <summary>A group and every member, following GetGroup's pages; the marker of the result is null.</summary>
    public static async Task<GroupMembersPage> ReadGroupAsync(IIamClient client, string groupName, CancellationToken ct)
    {
        IamGroupInfo? group = null;
        var members = await ReadAllAsync(async marker =>
        {
            var page = await client.GetGroupAsync(groupName, marker, MaxPageSize, ct).ConfigureAwait(false);
            group = page.Group;
            return new Page<IamUserInfo>(page.Members, page.Marker);
        }).ConfigureAwait(false);
        return new GroupMembersPage(group!, members, null);
    }
}
