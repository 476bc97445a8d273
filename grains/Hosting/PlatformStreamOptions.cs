using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AdrPlatform.Streaming.Kafka;

namespace AdrPlatform.Hosting;

/// <summary>Which stream provider carries the platform's topics.</summary>
public sealed class PlatformStreamOptions
{
    public const string Section = "Streams";
    public const string MemoryProvider = "memory";
    public const string KafkaProvider = "kafka";

    [Description("`memory` (Orleans memory streams, in the silos) or `kafka`")]
    [AllowedValues(MemoryProvider, KafkaProvider, ErrorMessage = "{0} must be memory or kafka")]
    public string Provider { get; set; } = MemoryProvider;

    [Description("Partitions of each topic the platform declares (each is one Orleans queue)")]
    [Range(1, 1_024)]
    public int Partitions { get; set; } = 8;

    /// <summary>The Kafka provider's settings, used when <see cref="Provider"/> is kafka; the platform adds its topics to those listed.</summary>
    public KafkaStreamOptions Kafka { get; set; } = new();

    public bool UsesKafka => Provider == KafkaProvider;
}
