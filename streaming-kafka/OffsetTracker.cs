namespace AdrPlatform.Streaming.Kafka;

/// <summary>
/// Offsets handed out in partition order and marked done in any order; the commit point is one past the
/// highest offset below which everything is done.
/// </summary>
internal sealed class OffsetTracker
{
    private readonly Queue<long> _pending = new();
    private readonly HashSet<long> _done = [];
    private readonly Lock _gate = new();

    /// <summary>The offset to commit (next to read), or -1 while nothing is done.</summary>
    public long CommitOffset { get; private set; } = -1;

    public void Track(long offset)
    {
        lock (_gate)
        {
            _pending.Enqueue(offset);
        }
    }

    public void MarkDone(long offset)
    {
        lock (_gate)
        {
            _done.Add(offset);
            while (_pending.TryPeek(out var head) && _done.Remove(head))
            {
                _pending.Dequeue();
                CommitOffset = head + 1;
            }
        }
    }
}
