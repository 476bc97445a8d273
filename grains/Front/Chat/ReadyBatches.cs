namespace AdrPlatform.Grains.Chat;

// A MoveNextAsync that has not completed is kept for the next batch and awaited there, exactly once;
// turning it into a Task instead would allocate for every item of a reader that keeps up.
#pragma warning disable CA2012

/// <summary>
/// Reads an asynchronous sequence in batches: the first item of a batch is awaited, the rest are the items
/// that are already there (their MoveNextAsync completes without waiting). When the reader keeps up, every
/// batch holds one item; when it falls behind, what piled up travels as one batch, so the cost per batch is
/// paid once per backlog instead of once per item.
/// </summary>
public sealed class ReadyBatches<T>(IAsyncEnumerator<T> source, int maxBatch)
{
    private readonly List<T> _batch = new(Math.Max(1, maxBatch));
    private ValueTask<bool>? _pending;
    private bool _ended;

    /// <summary>The next batch (valid until the next call); empty at the end of the sequence.
    /// A failure surfaces after the items read before it were returned.</summary>
    public async ValueTask<IReadOnlyList<T>> NextAsync()
    {
        _batch.Clear();
        if (_ended)
        {
            return _batch;
        }

        var next = _pending ?? source.MoveNextAsync();
        _pending = null;
        if (!await next)
        {
            _ended = true;
            return _batch;
        }

        _batch.Add(source.Current);
        while (_batch.Count < maxBatch)
        {
            next = source.MoveNextAsync();
            if (!next.IsCompletedSuccessfully)
            {
                _pending = next;
                break;
            }

            if (!next.Result)
            {
                _ended = true;
                break;
            }

            _batch.Add(source.Current);
        }

        return _batch;
    }
}
#pragma warning restore CA2012
