using System.Collections.Concurrent;

namespace AdrPlatform.TestKit;

/// <summary>Latencies of one kind of operation and how many of them failed; safe to record from many threads at once.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentQueue<double> _milliseconds = new();
    private int _failures;

    public int Count => _milliseconds.Count;

    public int Failures => Volatile.Read(ref _failures);

    public void Record(TimeSpan elapsed) => _milliseconds.Enqueue(elapsed.TotalMilliseconds);

    public void Failed() => Interlocked.Increment(ref _failures);

    public LatencySummary Summary() => Summarise([this]);

    /// <summary>One summary of several recorders, e.g. one per client, which then record without contending.</summary>
    public static LatencySummary Summarise(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.ToList();
        return LatencySummary.Of([.. all.SelectMany(r => r._milliseconds)], all.Sum(r => r.Failures));
    }
}
