using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace MfaEnforcement.Core.Enforcement;

/// <summary>
/// What the planner and the executor report while they run on other threads: verbose messages and progress. The
/// cmdlet drains it from the pipeline thread, the only one allowed to write.
/// </summary>
public sealed class EnforcementMonitor
{
    private readonly ConcurrentQueue<string> _messages = new();
    private int _completed;
    private int _total;
    private string _activity = "Starting";

    /// <summary>What is being done: "Reading the targets", "Applying the changes".</summary>
    public string Activity => Volatile.Read(ref _activity);

    /// <summary>How many items of the current activity are done.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>How many items the current activity has.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>The messages logged since the last call, oldest first.</summary>
    public IReadOnlyList<string> DrainMessages()
    {
        var messages = new List<string>();
        while (_messages.TryDequeue(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Queues a verbose message; any thread may call it.</summary>
    public void Log(string message) => _messages.Enqueue(message);

    internal void Start(string activity, int total)
    {
        Volatile.Write(ref _activity, activity);
        Volatile.Write(ref _completed, 0);
        Volatile.Write(ref _total, total);
    }

    internal void Advance() => Interlocked.Increment(ref _completed);
}
