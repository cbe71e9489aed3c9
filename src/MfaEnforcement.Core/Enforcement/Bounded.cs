using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>
/// Runs work over many items with at most a fixed number in flight, so a thousand targets finish quickly without
/// provoking more IAM throttling than the client's retries absorb.
/// </summary>
internal static class Bounded
{
    /// <summary>Runs <paramref name="body"/> for every item; a body's exceptions end the whole run.</summary>
    public static Task ForEachAsync<T>(
        IReadOnlyList<T> items, int limit, Func<T, Task> body, CancellationToken ct)
    {
        var next = -1;
        var workers = new Task[Math.Max(1, Math.Min(limit, items.Count))];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(
                async () =>
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < items.Count)
                    {
                        ct.ThrowIfCancellationRequested();
                        await body(items[index]).ConfigureAwait(false);
                    }
                },
                ct);
        }

        return Task.WhenAll(workers);
    }
}
