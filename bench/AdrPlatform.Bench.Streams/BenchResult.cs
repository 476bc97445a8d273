using AdrPlatform.TestKit;

namespace AdrPlatform.Bench.Streams;

public sealed record BenchResult(int Sent, TimeSpan SendTime, TimeSpan TotalTime, LatencySummary Latencies)
{
    public int Received => Latencies.Count;

    public double EventsPerSecond => Received / TotalTime.TotalSeconds;
}
