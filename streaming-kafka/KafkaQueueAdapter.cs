using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>Produces stream events to the partition their stream maps to, and creates one receiver per partition.</summary>
internal sealed class KafkaQueueAdapter(
    string name,
    KafkaStreamOptions options,
    KafkaQueueMapper mapper,
    KafkaMessageCodec codec,
    IProducer<byte[], byte[]> producer,
    DeadLetterPublisher deadLetters,
    ILoggerFactory loggerFactory) : IQueueAdapter
{
    public string Name => name;

    public bool IsRewindable => true;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new NotSupportedException("Kafka assigns sequence numbers (partition offsets); producers cannot pass a sequence token.");
        }

        await producer.ProduceAsync(mapper.GetPartition(streamId), codec.Encode(streamId, events, requestContext));
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId)
    {
        var partition = mapper.GetPartition(queueId);
        var logger = loggerFactory.CreateLogger($"{typeof(KafkaAdapterReceiver).FullName}.{name}.{partition.Topic}.{partition.Partition.Value}");
        return new KafkaAdapterReceiver(partition, options, codec, deadLetters, logger);
    }
}
