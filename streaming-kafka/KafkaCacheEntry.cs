namespace AdrPlatform.Streaming.Kafka;

/// <summary>A cached message with its position in the cache and its dead-letter state.</summary>
internal sealed class KafkaCacheEntry(long index, KafkaBatchContainer container)
{
    public long Index { get; } = index;

    public KafkaBatchContainer Container { get; } = container;

    /// <summary>Failed attempts of the subscriber that ran out of attempts; 0 while none has.</summary>
    public int ExhaustedAttempts { get; set; }

    public bool DeadLetterInProgress { get; set; }

    public bool DeadLettered { get; set; }
}
