using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Streaming.Kafka;

public sealed class KafkaStreamOptions : IValidatableObject
{
    public const string DeadLetterTopicSuffix = ".dlq";

    [Description("The Kafka brokers (`host:port`, comma-separated)")]
    public string BootstrapServers { get; set; } = "localhost:9092";

    /// <summary>The consumer group whose committed offsets the receivers start from and commit to.</summary>
    [Description("The silos' consumer group: receivers start from and commit to its offsets")]
    public string ConsumerGroup { get; set; } = "adr-platform";

    /// <summary>One entry per stream namespace; each also gets a <c>&lt;name&gt;.dlq</c> twin.</summary>
    [Description("Topics beyond the ones the platform declares, each with `Name` and `Partitions`; each also gets a `.dlq` twin")]
    public IList<KafkaTopicOptions> Topics { get; } = [];

    /// <summary>Failed deliveries of one event to one subscriber before it goes to the dead-letter topic.</summary>
    [Description("Failed deliveries of an event to a subscriber before it goes to `<topic>.dlq` (and fails its job)")]
    public int MaxDeliveryAttempts { get; set; } = 3;

    /// <summary>Wait between two delivery attempts of a failing event.</summary>
    [Description("Wait between two delivery attempts of a failing event")]
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an idle pulling agent asks its receiver for new messages.</summary>
    [Description("How often an idle pulling agent asks for new messages")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Most messages handed to a pulling agent per read.</summary>
    [Description("Most messages handed to a pulling agent per read")]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Messages held per partition until all their subscribers are done; at this size reading pauses.</summary>
    [Description("Messages held per partition until their subscribers are done; at this size reading pauses")]
    public int CacheSize { get; set; } = 10_000;

    /// <summary>How often a receiver commits the highest contiguous processed offset.</summary>
    [Description("How often a receiver commits the highest contiguous processed offset")]
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Replication factor for topics the provider creates; -1 takes the broker default.</summary>
    [Description("Replication factor of topics the platform creates; -1: the broker default")]
    public short ReplicationFactor { get; set; } = -1;

    /// <summary>Producer linger (librdkafka <c>linger.ms</c>): trades a little latency for batching.</summary>
    [Description("Producer `linger.ms`: a little latency traded for batching")]
    public int LingerMs { get; set; } = 5;

    /// <summary>
    /// Longest a broker holds a fetch waiting for data (librdkafka <c>fetch.wait.max.ms</c>). Its default,
    /// 500 ms, is the latency of every quiet partition; job progress and re-indexing want it short.
    /// </summary>
    [Description("`fetch.wait.max.ms`: longest a broker holds a fetch waiting for data (the latency of a quiet partition)")]
    public int FetchWaitMaxMs { get; set; } = 10;

    /// <summary>Extra librdkafka settings (security, timeouts, …) applied to every client.</summary>
    [Description("Extra librdkafka settings (security, time-outs, …) for every client")]
    public IDictionary<string, string> ClientSettings { get; } = new Dictionary<string, string>();

    /// <summary>The rules of the settings themselves; the topic list is checked when the provider starts (see <see cref="Validate(string)"/>).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            yield return new ValidationResult($"{nameof(BootstrapServers)} is required", [nameof(BootstrapServers)]);
        }

        if (string.IsNullOrWhiteSpace(ConsumerGroup))
        {
            yield return new ValidationResult($"{nameof(ConsumerGroup)} is required", [nameof(ConsumerGroup)]);
        }

        foreach (var (name, positive) in new (string, bool)[]
        {
            (nameof(MaxDeliveryAttempts), MaxDeliveryAttempts > 0),
            (nameof(MaxBatchSize), MaxBatchSize > 0),
            (nameof(CacheSize), CacheSize > 0),
            (nameof(DeliveryRetryDelay), DeliveryRetryDelay > TimeSpan.Zero),
            (nameof(PollInterval), PollInterval > TimeSpan.Zero),
            (nameof(CommitInterval), CommitInterval > TimeSpan.Zero),
        })
        {
            if (!positive)
            {
                yield return new ValidationResult($"{name} must be positive", [name]);
            }
        }
    }

    internal void Validate(string providerName)
    {
        var problems = Validate(new ValidationContext(this)).Select(p => p.ErrorMessage!).ToList();
        if (Topics.Count == 0 || Topics.Any(t => string.IsNullOrWhiteSpace(t.Name) || t.Partitions < 1))
        {
            problems.Add("needs topics, each with a name and at least one partition");
        }

        if (Topics.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() != Topics.Count)
        {
            problems.Add("lists a topic twice");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Kafka stream provider '{providerName}': {string.Join("; ", problems)}.");
        }
    }
}
