using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Confluent.Kafka;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>
/// The consumer group's lag on each partition this process reads: the partition's high watermark less the
/// offset the group has committed (or, before the first commit, the consumer's position). A receiver that
/// stops removes its partition, so a partition that moved to another silo is reported once, by its reader.
/// </summary>
public static class ConsumerLag
{
    public const string MeterName = "AdrPlatform.Streaming.Kafka";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<object, (TopicPartition Partition, long Lag)> Lags = new();

    static ConsumerLag() =>
        Meter.CreateObservableGauge(
            "adrplatform.kafka.consumer.lag", Observe, "{message}", "Messages of a partition the consumer group has not committed, by topic and partition.");

    internal static void Report(object reader, IConsumer<byte[], byte[]> consumer, TopicPartition partition, long committed)
    {
        var high = consumer.GetWatermarkOffsets(partition).High;
        var done = committed >= 0 ? committed : consumer.Position(partition).Value;
        if (high.Value >= 0 && done >= 0)
        {
            Lags[reader] = (partition, Math.Max(0, high.Value - done));
        }
    }

    internal static void Forget(object reader) => Lags.TryRemove(reader, out _);

    private static IEnumerable<Measurement<long>> Observe() =>
        Lags.Values.Select(entry => new Measurement<long>(
            entry.Lag, new KeyValuePair<string, object?>("topic", entry.Partition.Topic), new KeyValuePair<string, object?>("partition", entry.Partition.Partition.Value)));
}
