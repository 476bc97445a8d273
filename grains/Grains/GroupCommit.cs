namespace AdrPlatform.Grains;

/// <summary>
/// Group commit for a grain's state: state changes synchronously, then each caller waits until a
/// write that began after its change has finished. A burst of changes shares a few writes instead of
/// one each, and writes never overlap — which reentrant grains need, as storage refuses concurrent writes.
/// </summary>
public sealed class GroupCommit(Func<Task> write)
{
    private Task? _writing;
    private long _changes;
    private long _saved;

    public async Task PersistAsync()
    {
        var mine = ++_changes;
        while (_saved < mine)
        {
            if (_writing is { IsCompleted: false } inFlight)
            {
                await inFlight;
                continue;
            }

            _writing = Write(_changes);
            await _writing;
        }
    }

    private async Task Write(long upTo)
    {
        try
        {
            await write();
            _saved = Math.Max(_saved, upTo);
        }
        finally
        {
            _writing = null;
        }
    }
}
