using System.Collections.Concurrent;

namespace AdrPlatform.Bench.Streaming;

/// <summary>First-token latencies and inter-token gaps of many concurrent streams, in milliseconds.</summary>
public sealed class StreamTimings
{
    private readonly ConcurrentBag<double> _firstTokens = [];
    private readonly ConcurrentBag<double> _gaps = [];
    private int _failures;

    public int Failures => _failures;

    public void First(TimeSpan elapsed) => _firstTokens.Add(elapsed.TotalMilliseconds);

    public void Gap(TimeSpan elapsed) => _gaps.Add(elapsed.TotalMilliseconds);

    public void Failed() => Interlocked.Increment(ref _failures);

    public List<double> FirstTokens() => [.. _firstTokens.Order()];

    public List<double> Gaps() => [.. _gaps.Order()];
}
