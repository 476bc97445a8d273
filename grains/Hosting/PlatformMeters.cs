using AdrPlatform.Observability;
using AdrPlatform.Streaming.Kafka;

namespace AdrPlatform.Hosting;

/// <summary>The meters both hosts export: the platform's own, Orleans', the Kafka stream provider's and Npgsql's (pool use).</summary>
public static class PlatformMeters
{
    public static IReadOnlyList<string> Names { get; } = [PlatformTelemetry.Name, "Microsoft.Orleans", ConsumerLag.MeterName, "Npgsql"];
}
