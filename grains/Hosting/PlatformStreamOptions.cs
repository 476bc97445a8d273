namespace AdrPlatform.Hosting;

/// <summary>Which stream provider carries the platform's topics. Bound from the "Streams" section.</summary>
public sealed class PlatformStreamOptions
{
    public const string Section = "Streams";
    public const string Memory = "memory";
    public const string Kafka = "kafka";

    /// <summary>"memory" (Orleans memory streams, the embedded default) or "kafka" (Streams:Kafka:BootstrapServers).</summary>
    public string Provider { get; set; } = Memory;

    /// <summary>Partitions of each topic when the platform declares it.</summary>
    public int Partitions { get; set; } = 8;

    public bool UsesKafka => string.Equals(Provider, Kafka, StringComparison.OrdinalIgnoreCase);
}
