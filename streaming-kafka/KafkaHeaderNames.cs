namespace AdrPlatform.Streaming.Kafka;

/// <summary>Headers the provider writes on stream messages and on dead-letter copies.</summary>
public static class KafkaHeaderNames
{
    public const string MessageId = "adr-message-id";
    public const string EventType = "adr-event-type";
    public const string DeadLetterReason = "adr-dlq-reason";
    public const string DeadLetterAttempts = "adr-dlq-attempts";
    public const string SourceTopic = "adr-dlq-source-topic";
    public const string SourcePartition = "adr-dlq-source-partition";
    public const string SourceOffset = "adr-dlq-source-offset";
}
