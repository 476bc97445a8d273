namespace AdrPlatform.Streaming.Kafka;

public sealed class KafkaStreamOptions
{
    public const string DeadLetterTopicSuffix = ".dlq";

    public string BootstrapServers { get; set; } = "localhost:9092";

    /// <summary>The consumer group whose committed offsets the receivers start from and commit to.</summary>
    public string ConsumerGroup { get; set; } = "adr-platform";

    /// <summary>One entry per stream namespace; each also gets a <c>&lt;name&gt;.dlq</c> twin.</summary>
    public IList<KafkaTopicOptions> Topics { get; } = [];

    /// <summary>Failed deliveries of one event to one subscriber before it goes to the dead-letter topic.</summary>
    public int MaxDeliveryAttempts { get; set; } = 3;

    /// <summary>Wait between two delivery attempts of a failing event.</summary>
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an idle pulling agent asks its receiver for new messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Most messages handed to a pulling agent per read.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Messages held per partition until all their subscribers are done; at this size reading pauses.</summary>
    public int CacheSize { get; set; } = 10_000;

    /// <summary>How often a receiver commits the highest contiguous processed offset.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Replication factor for topics the provider creates; -1 takes the broker default.</summary>
    public short ReplicationFactor { get; set; } = -1;

    /// <summary>Producer linger (librdkafka <c>linger.ms</c>): trades a little latency for batching.</summary>
    public int LingerMs { get; set; } = 5;

    /// <summary>
    /// Longest a broker holds a fetch waiting for data (librdkafka <c>fetch.wait.max.ms</c>). Its default,
    /// 500 ms, is the latency of every quiet partition; job progress and re-indexing want it short.
    /// </summary>
    public int FetchWaitMaxMs { get; set; } = 10;

    /// <summary>Extra librdkafka settings (security, timeouts, …) applied to every client.</summary>
    public IDictionary<string, string> ClientSettings { get; } = new Dictionary<string, string>();

    internal void Validate(string providerName)
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers) || string.IsNullOrWhiteSpace(ConsumerGroup))
        {
            throw new InvalidOperationException($"Kafka stream provider '{providerName}' needs BootstrapServers and ConsumerGroup.");
        }

        if (Topics.Count == 0 || Topics.Any(t => string.IsNullOrWhiteSpace(t.Name) || t.Partitions < 1))
        {
            throw new InvalidOperationException($"Kafka stream provider '{providerName}' needs topics, each with a name and at least one partition.");
        }

        if (Topics.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() != Topics.Count)
        {
            throw new InvalidOperationException($"Kafka stream provider '{providerName}' lists a topic twice.");
        }

        if (MaxDeliveryAttempts < 1 || MaxBatchSize < 1 || CacheSize < 1 || DeliveryRetryDelay <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"Kafka stream provider '{providerName}': MaxDeliveryAttempts, MaxBatchSize, CacheSize, DeliveryRetryDelay and PollInterval must be positive.");
        }
    }
}
