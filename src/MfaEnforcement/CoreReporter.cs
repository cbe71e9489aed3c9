using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;

namespace MfaEnforcement;

/// <summary>
/// Carries what Core reports from its own threads (verbose lines, progress) to the pipeline thread, the only thread
/// a cmdlet may write from. Core calls <see cref="Log"/> and <see cref="Progress"/> from anywhere; the cmdlet's
/// thread writes them as they arrive.
/// </summary>
internal sealed class CoreReporter : IDisposable
{
    private readonly ConcurrentQueue<Action<Cmdlet>> _writes = new();
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>A verbose line.</summary>
    public void Log(string message) => Post(cmdlet => cmdlet.WriteVerbose(message));

    /// <summary>A progress record.</summary>
    public void Progress(ProgressRecord record) => Post(cmdlet => cmdlet.WriteProgress(record));

    /// <summary>Wakes the writing thread, for instance when the call is done.</summary>
    public void Wake() => _arrived.Release();

    /// <summary>Waits up to <paramref name="timeout"/> for something to write, then writes all there is.</summary>
    public void WriteQueued(Cmdlet cmdlet, TimeSpan timeout)
    {
        _arrived.Wait(timeout);
        while (_writes.TryDequeue(out var write))
        {
            write(cmdlet);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _arrived.Dispose();

    private void Post(Action<Cmdlet> write)
    {
        _writes.Enqueue(write);
        _arrived.Release();
    }
}
