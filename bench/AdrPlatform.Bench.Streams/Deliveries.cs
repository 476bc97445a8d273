using AdrPlatform.TestKit;

namespace AdrPlatform.Bench.Streams;

/// <summary>Send-to-consumer latencies of the current run, recorded by the consumer grains.</summary>
public static class Deliveries
{
    private static LatencyRecorder _latencies = new();

    public static LatencyRecorder Latencies => Volatile.Read(ref _latencies);

    public static void Reset() => Volatile.Write(ref _latencies, new LatencyRecorder());
}
