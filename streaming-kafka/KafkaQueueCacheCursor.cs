using Orleans.Runtime;
using Orleans.Streams;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>
/// One subscriber's position in a partition cache. A failed delivery is repeated by the next
/// <see cref="MoveNext"/> until the subscriber has failed <see cref="KafkaQueueCache.MaxDeliveryAttempts"/> times
/// and the failure handler has dead-lettered the message; only then does the cursor move past it.
/// </summary>
internal sealed class KafkaQueueCacheCursor(KafkaQueueCache cache, StreamId streamId, long startIndex) : IQueueCacheCursor
{
    private long _nextIndex = startIndex;
    private KafkaCacheEntry? _current;
    private int _failures;
    private bool _retryPending;
    private bool _disposed;

    public StreamId StreamId { get; } = streamId;

    /// <summary>Cache index of the first message of this stream the subscriber is not done with.</summary>
    internal long LowWatermark => _current?.Index ?? _nextIndex;

    public IBatchContainer? GetCurrent(out Exception? exception)
    {
        exception = null;
        lock (cache.Gate)
        {
            return _current?.Container;
        }
    }

    public bool MoveNext()
    {
        lock (cache.Gate)
        {
            if (_disposed)
            {
                return false;
            }

            if (_current is { } current && _retryPending)
            {
                _retryPending = false;
                if (_failures < cache.MaxDeliveryAttempts || !current.DeadLettered)
                {
                    return true;
                }
            }

            _current = null;
            _failures = 0;
            _retryPending = false;
            var next = cache.FindNext(StreamId, _nextIndex);
            if (next is null)
            {
                _nextIndex = Math.Max(_nextIndex, cache.EndIndex);
                return false;
            }

            _current = next;
            _nextIndex = next.Index + 1;
            return true;
        }
    }

    public void RecordDeliveryFailure()
    {
        lock (cache.Gate)
        {
            if (_current is null)
            {
                return;
            }

            _failures++;
            _retryPending = true;
            if (_failures >= cache.MaxDeliveryAttempts)
            {
                _current.ExhaustedAttempts = Math.Max(_current.ExhaustedAttempts, _failures);
            }
        }
    }

    public void Refresh(StreamSequenceToken token)
    {
        // MoveNext scans the cache from the cursor's position on every call, so new messages are always seen.
    }

    public void Dispose()
    {
        lock (cache.Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _current = null;
        }

        cache.Remove(this);
    }
}
