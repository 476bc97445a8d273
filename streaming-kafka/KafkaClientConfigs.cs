using Confluent.Kafka;

namespace AdrPlatform.Streaming.Kafka;

internal static class KafkaClientConfigs
{
    public static ProducerConfig Producer(KafkaStreamOptions options) => new(new Dictionary<string, string>(options.ClientSettings))
    {
        BootstrapServers = options.BootstrapServers,
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = options.LingerMs,
    };

    public static ConsumerConfig Consumer(KafkaStreamOptions options) => new(new Dictionary<string, string>(options.ClientSettings))
    {
        BootstrapServers = options.BootstrapServers,
        GroupId = options.ConsumerGroup,
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        EnablePartitionEof = false,
        FetchWaitMaxMs = options.FetchWaitMaxMs,
    };

    public static AdminClientConfig Admin(KafkaStreamOptions options) => new(new Dictionary<string, string>(options.ClientSettings))
    {
        BootstrapServers = options.BootstrapServers,
    };
}
