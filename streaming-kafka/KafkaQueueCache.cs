using System.Diagnostics.CodeAnalysis;
using Orleans.Runtime;
using Orleans.Streams;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>
/// The messages of one partition, oldest first, until every subscriber of their stream is done with them.
/// A subscriber is done with a message once its cursor moves past it, which the pulling agent does only
/// after the delivery returned (or the message was dead-lettered), so purged messages are safe to commit.
/// Purging stops at the first message still owed to someone, which keeps the committed offset contiguous.
/// </summary>
internal sealed class KafkaQueueCache(int maxSize, int maxDeliveryAttempts) : IQueueCache
{
    private readonly List<KafkaCacheEntry> _entries = [];
    private readonly Dictionary<StreamId, List<KafkaQueueCacheCursor>> _cursors = [];
    private long _firstIndex;

    internal Lock Gate { get; } = new();

    internal int MaxDeliveryAttempts { get; } = maxDeliveryAttempts;

    internal long EndIndex => _firstIndex + _entries.Count;

    public int GetMaxAddCount()
    {
        lock (Gate)
        {
            return Math.Max(0, maxSize - _entries.Count);
        }
    }

    public bool IsUnderPressure()
    {
        lock (Gate)
        {
            return _entries.Count >= maxSize;
        }
    }

    public void AddToCache(IList<IBatchContainer> messages)
    {
        lock (Gate)
        {
            foreach (var message in messages)
            {
                _entries.Add(new KafkaCacheEntry(EndIndex, (KafkaBatchContainer)message));
            }
        }
    }

    public bool TryPurgeFromCache([MaybeNullWhen(false)] out IList<IBatchContainer> purgedItems)
    {
        lock (Gate)
        {
            var count = 0;
            while (count < _entries.Count && IsDone(_entries[count]))
            {
                count++;
            }

            if (count == 0)
            {
                purgedItems = null;
                return false;
            }

            purgedItems = _entries.Take(count).Select(e => (IBatchContainer)e.Container).ToList();
            _entries.RemoveRange(0, count);
            _firstIndex += count;
            return true;
        }
    }

    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token)
    {
        lock (Gate)
        {
            var start = token is null ? EndIndex : FirstIndexAtOrAfter(token.SequenceNumber);
            var cursor = new KafkaQueueCacheCursor(this, streamId, start);
            if (!_cursors.TryGetValue(streamId, out var list))
            {
                _cursors[streamId] = list = [];
            }

            list.Add(cursor);
            return cursor;
        }
    }

    /// <summary>The cached message at a token's offset if a subscriber ran out of attempts on it and nobody is dead-lettering it yet.</summary>
    internal KafkaCacheEntry? TryBeginDeadLetter(StreamSequenceToken token)
    {
        lock (Gate)
        {
            var index = FirstIndexAtOrAfter(token.SequenceNumber);
            if (index >= EndIndex)
            {
                return null;
            }

            var entry = _entries[(int)(index - _firstIndex)];
            if (entry.Container.Offset != token.SequenceNumber || entry.ExhaustedAttempts == 0 || entry.DeadLettered || entry.DeadLetterInProgress)
            {
                return null;
            }

            entry.DeadLetterInProgress = true;
            return entry;
        }
    }

    internal void EndDeadLetter(KafkaCacheEntry entry, bool published)
    {
        lock (Gate)
        {
            entry.DeadLetterInProgress = false;
            entry.DeadLettered = published;
        }
    }

    /// <summary>Caller holds <see cref="Gate"/>.</summary>
    internal KafkaCacheEntry? FindNext(StreamId streamId, long fromIndex)
    {
        for (var index = Math.Max(fromIndex, _firstIndex); index < EndIndex; index++)
        {
            var entry = _entries[(int)(index - _firstIndex)];
            if (entry.Container.StreamId.Equals(streamId))
            {
                return entry;
            }
        }

        return null;
    }

    internal void Remove(KafkaQueueCacheCursor cursor)
    {
        lock (Gate)
        {
            if (_cursors.TryGetValue(cursor.StreamId, out var list) && list.Remove(cursor) && list.Count == 0)
            {
                _cursors.Remove(cursor.StreamId);
            }
        }
    }

    private bool IsDone(KafkaCacheEntry entry) =>
        !_cursors.TryGetValue(entry.Container.StreamId, out var cursors) || cursors.TrueForAll(c => c.LowWatermark > entry.Index);

    private long FirstIndexAtOrAfter(long offset)
    {
        int low = 0, high = _entries.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_entries[middle].Container.Offset < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return _firstIndex + low;
    }
}
