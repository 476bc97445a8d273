using System.Diagnostics;

namespace AdrPlatform.Bench.Streams;

/// <summary>Send-to-consumer latencies of the current run, recorded by the consumer grains.</summary>
public static class LatencyRecorder
{
    private static long[] _samples = [];
    private static int _count;

    public static int Count => Volatile.Read(ref _count);

    public static void Reset(int capacity)
    {
        _samples = new long[capacity];
        Volatile.Write(ref _count, 0);
    }

    public static void Record(long elapsedTicks)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _samples.Length)
        {
            _samples[index] = elapsedTicks;
        }
    }

    public static double PercentileMs(double percentile)
    {
        var sorted = _samples.Take(Math.Min(Count, _samples.Length)).Order().ToArray();
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
