using System.Text;
using Confluent.Kafka;
using Orleans.Runtime;
using Orleans.Streams;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>
/// One queue per (topic, partition). A stream maps to the partition its key hashes to, and the producer
/// writes to exactly that partition, so the agent pulling a queue sees all events of its streams in order.
/// </summary>
internal sealed class KafkaQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly Dictionary<string, QueueId[]> _queuesByTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<QueueId, TopicPartition> _partitions = [];
    private readonly List<QueueId> _allQueues = [];

    public KafkaQueueMapper(IEnumerable<KafkaTopicOptions> topics)
    {
        foreach (var topic in topics)
        {
            var queues = new QueueId[topic.Partitions];
            for (var partition = 0; partition < topic.Partitions; partition++)
            {
                var hash = KafkaPartitioner.Murmur2(Encoding.UTF8.GetBytes($"{topic.Name}/{partition}"));
                var queue = QueueId.GetQueueId(topic.Name, (uint)partition, hash);
                queues[partition] = queue;
                _partitions[queue] = new TopicPartition(topic.Name, partition);
                _allQueues.Add(queue);
            }

            _queuesByTopic[topic.Name] = queues;
        }
    }

    public IEnumerable<QueueId> GetAllQueues() => _allQueues;

    /// <summary>For the default (consistent ring) queue balancer: the queues whose hash falls in a silo's range.</summary>
    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) =>
        _allQueues.Where(queue => range.InRange(queue.GetUniformHashCode())).ToList();

    public QueueId GetQueueForStream(StreamId streamId)
    {
        var queues = QueuesOf(streamId);
        return queues[KafkaPartitioner.PartitionFor(streamId.Key.Span, queues.Length)];
    }

    public TopicPartition GetPartition(QueueId queueId) => _partitions[queueId];

    public TopicPartition GetPartition(StreamId streamId) => _partitions[GetQueueForStream(streamId)];

    private QueueId[] QueuesOf(StreamId streamId)
    {
        var topic = streamId.GetNamespace();
        if (topic is null || !_queuesByTopic.TryGetValue(topic, out var queues))
        {
            throw new InvalidOperationException(
                $"Stream namespace '{topic}' has no Kafka topic; add it to KafkaStreamOptions.Topics.");
        }

        return queues;
    }
}
