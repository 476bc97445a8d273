namespace AdrPlatform.Grains;

/// <summary>
/// Group commit for a grain's state: state changes synchronously, then each caller waits until a
/// write that began after its change has finished. A burst of changes shares a few writes instead of
/// one each, and writes never overlap — which reentrant grains need, as storage refuses concurrent writes.
/// With a <paramref name="spacing"/>, a change that had to wait for a write in flight (the state is busy) is
/// written no sooner than that long after the previous write began, so under a steady stream of changes a
/// large state is written at most once per spacing rather than back to back; a change that finds no write
/// in flight is written at once.
/// </summary>
public sealed class GroupCommit(Func<Task> write, TimeSpan spacing = default, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private Task? _writing;
    private long _changes;
    private long _saved;
    private long? _lastWriteBegan;

    public async Task PersistAsync()
    {
        var mine = ++_changes;
        var busy = false;
        while (_saved < mine)
        {
            if (_writing is { IsCompleted: false } inFlight)
            {
                busy = true;
                await inFlight;
                continue;
            }

            _writing = Write(spaced: busy);
            await _writing;
        }
    }

    private async Task Write(bool spaced)
    {
        try
        {
            var wait = spaced && _lastWriteBegan is { } began ? spacing - _clock.GetElapsedTime(began) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _clock);
            }

            // Changes made while waiting are in this write too.
            var upTo = _changes;
            _lastWriteBegan = _clock.GetTimestamp();
            await write();
            _saved = Math.Max(_saved, upTo);
        }
        finally
        {
            _writing = null;
        }
    }
}
