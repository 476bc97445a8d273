using Confluent.Kafka;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>The raw Kafka message behind a batch container, kept for the dead-letter copy.</summary>
internal sealed record KafkaSourceMessage(TopicPartitionOffset Position, byte[] Key, byte[] Value, Headers Headers);
