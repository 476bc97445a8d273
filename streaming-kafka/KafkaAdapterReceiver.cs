using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>
/// Reads one partition. A dedicated thread owns the consumer: it fetches into a buffer the pulling agent
/// drains, and commits the offset below which every message has been processed (auto commit is off).
/// The consumer is assigned the partition manually and starts at the group's committed offset.
/// </summary>
internal sealed class KafkaAdapterReceiver(
    TopicPartition partition,
    KafkaStreamOptions options,
    KafkaMessageCodec codec,
    DeadLetterPublisher deadLetters,
    ILogger logger) : IQueueAdapterReceiver
{
    private static readonly TimeSpan ConsumeTimeout = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentQueue<(long Offset, KafkaBatchContainer? Container)> _fetched = new();
    private readonly OffsetTracker _offsets = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _buffered;
    private volatile bool _stopping;
    private IConsumer<byte[], byte[]>? _consumer;

    public Task Initialize(TimeSpan timeout)
    {
        _consumer = new ConsumerBuilder<byte[], byte[]>(KafkaClientConfigs.Consumer(options))
            .SetErrorHandler((_, error) => logger.LogWarning("Kafka consumer {Partition}: {Error}", partition, error))
            .Build();
        _consumer.Assign(new TopicPartitionOffset(partition, Offset.Stored));
        new Thread(FetchLoop) { IsBackground = true, Name = $"kafka-{partition.Topic}-{partition.Partition.Value}" }.Start();
        return Task.CompletedTask;
    }

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        var limit = maxCount < 0 ? options.MaxBatchSize : Math.Min(maxCount, options.MaxBatchSize);
        var batch = new List<IBatchContainer>();
        while (batch.Count < limit && _fetched.TryDequeue(out var message))
        {
            Interlocked.Decrement(ref _buffered);
            _offsets.Track(message.Offset);
            if (message.Container is null)
            {
                _offsets.MarkDone(message.Offset);
            }
            else
            {
                batch.Add(message.Container);
            }
        }

        return Task.FromResult<IList<IBatchContainer>>(batch);
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        foreach (var message in messages)
        {
            _offsets.MarkDone(((KafkaBatchContainer)message).Offset);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Commits what the agent reported as delivered. Messages processed since its last purge are not known
    /// here (by now the agent has disposed the cursors, so the cache cannot tell), and are read again by the
    /// queue's next owner.
    /// </summary>
    public async Task Shutdown(TimeSpan timeout)
    {
        _stopping = true;
        await _stopped.Task.WaitAsync(timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void FetchLoop()
    {
        var consumer = _consumer!;
        var committed = -1L;
        var lastCommit = DateTime.UtcNow;
        try
        {
            while (!_stopping)
            {
                if (DateTime.UtcNow - lastCommit >= options.CommitInterval)
                {
                    committed = Commit(consumer, committed);
                    lastCommit = DateTime.UtcNow;
                    ConsumerLag.Report(this, consumer, partition, committed);
                }

                if (Volatile.Read(ref _buffered) >= options.CacheSize)
                {
                    Thread.Sleep(5);
                    continue;
                }

                Fetch(consumer);
            }

            Commit(consumer, committed);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Kafka receiver for {Partition} stopped", partition);
        }
        finally
        {
            ConsumerLag.Forget(this);
            Close(consumer);
            _stopped.TrySetResult();
        }
    }

    private void Fetch(IConsumer<byte[], byte[]> consumer)
    {
        ConsumeResult<byte[], byte[]>? result;
        try
        {
            result = consumer.Consume(ConsumeTimeout);
        }
        catch (ConsumeException e)
        {
            logger.LogWarning(e, "Kafka consume from {Partition} failed", partition);
            return;
        }

        if (result?.Message is null)
        {
            return;
        }

        KafkaBatchContainer? container;
        try
        {
            container = codec.Decode(result);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (!TryDeadLetterUnreadable(result, e))
            {
                consumer.Seek(result.TopicPartitionOffset);
                Thread.Sleep(options.DeliveryRetryDelay);
                return;
            }

            // Dead-lettered: the offset is still tracked so the commit can pass it.
            container = null;
        }

        _fetched.Enqueue((result.Offset.Value, container));
        Interlocked.Increment(ref _buffered);
    }

    private bool TryDeadLetterUnreadable(ConsumeResult<byte[], byte[]> result, Exception readError)
    {
        var unreadable = new KafkaBatchContainer(default, new(result.Offset.Value), [], null)
        {
            Source = new KafkaSourceMessage(result.TopicPartitionOffset, result.Message.Key ?? [], result.Message.Value ?? [], result.Message.Headers ?? []),
        };
        try
        {
            deadLetters.PublishAsync(unreadable, 0, $"unreadable message: {readError.Message}", CancellationToken.None).GetAwaiter().GetResult();
            return true;
        }
        catch (KafkaException e)
        {
            logger.LogWarning(e, "Could not dead-letter unreadable message {Position}; will retry", result.TopicPartitionOffset);
            return false;
        }
    }

    private long Commit(IConsumer<byte[], byte[]> consumer, long committed)
    {
        var offset = _offsets.CommitOffset;
        if (offset <= committed)
        {
            return committed;
        }

        try
        {
            consumer.Commit([new TopicPartitionOffset(partition, offset)]);
            return offset;
        }
        catch (KafkaException e)
        {
            logger.LogWarning(e, "Committing offset {Offset} of {Partition} failed; will retry", offset, partition);
            return committed;
        }
    }

    private void Close(IConsumer<byte[], byte[]> consumer)
    {
        try
        {
            consumer.Close();
        }
        catch (KafkaException e)
        {
            logger.LogWarning(e, "Closing the Kafka consumer of {Partition} failed", partition);
        }
        finally
        {
            consumer.Dispose();
        }
    }
}
