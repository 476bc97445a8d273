using System.Collections.Concurrent;
using Orleans.Streams;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>The live cache of each queue on this silo, shared by its receiver and failure handler.</summary>
internal sealed class KafkaQueueRegistry
{
    private readonly ConcurrentDictionary<QueueId, KafkaQueueCache> _caches = new();

    public void Set(QueueId queueId, KafkaQueueCache cache) => _caches[queueId] = cache;

    public KafkaQueueCache? Get(QueueId queueId) => _caches.GetValueOrDefault(queueId);
}
