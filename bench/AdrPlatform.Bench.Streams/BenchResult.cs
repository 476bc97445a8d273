namespace AdrPlatform.Bench.Streams;

public sealed record BenchResult(int Sent, int Received, TimeSpan SendTime, TimeSpan TotalTime, double P50Ms, double P95Ms, double P99Ms)
{
    public double EventsPerSecond => Received / TotalTime.TotalSeconds;
}
