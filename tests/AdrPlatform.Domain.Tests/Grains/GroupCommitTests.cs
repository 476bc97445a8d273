using System.Diagnostics;
using AdrPlatform.Grains;

namespace AdrPlatform.Domain.Tests.Grains;

public class GroupCommitTests
{
    [Fact]
    public async Task Changes_made_during_a_write_share_the_next_write()
    {
        var storage = new GatedStorage();
        var commit = new GroupCommit(storage.WriteAsync);

        var first = commit.PersistAsync();
        var second = commit.PersistAsync();
        var third = commit.PersistAsync();
        Assert.Equal(1, storage.Writes);
        Assert.False(second.IsCompleted);

        storage.Release();
        await first;
        storage.Release();
        await Task.WhenAll(second, third);
        Assert.Equal(2, storage.Writes);
    }

    [Fact]
    public async Task A_caller_returns_only_after_a_write_that_began_after_its_change()
    {
        var storage = new GatedStorage();
        var commit = new GroupCommit(storage.WriteAsync);
        var first = commit.PersistAsync();
        var second = commit.PersistAsync();

        storage.Release();
        await first;
        await Task.Delay(50);
        Assert.False(second.IsCompleted, "the first write began before the second change, so it does not cover it");
        storage.Release();
        await second;
    }

    [Fact]
    public async Task With_a_spacing_a_write_that_follows_another_waits_until_the_spacing_has_passed()
    {
        var spacing = TimeSpan.FromMilliseconds(200);
        var began = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        var commit = new GroupCommit(() => { began.Add(clock.Elapsed); return Task.CompletedTask; }, spacing);

        await commit.PersistAsync();
        await commit.PersistAsync();

        Assert.Equal(2, began.Count);
        Assert.True(began[1] - began[0] >= spacing - TimeSpan.FromMilliseconds(15), $"writes began {began[0]} and {began[1]}");
    }

    [Fact]
    public async Task After_a_quiet_spell_longer_than_the_spacing_a_change_is_written_at_once()
    {
        var clock = new SteppedClock();
        var writes = 0;
        var commit = new GroupCommit(() => { writes++; return Task.CompletedTask; }, TimeSpan.FromSeconds(30), clock);

        await commit.PersistAsync();
        clock.Advance(TimeSpan.FromSeconds(31));
        var second = commit.PersistAsync();

        Assert.True(second.IsCompletedSuccessfully, "no wait: the previous write began longer than the spacing ago");
        Assert.Equal(2, writes);
    }

    [Fact]
    public async Task A_failed_write_fails_its_callers_and_the_next_change_tries_again()
    {
        var fail = true;
        var writes = 0;
        var commit = new GroupCommit(() =>
        {
            writes++;
            return fail ? Task.FromException(new InvalidOperationException("storage down")) : Task.CompletedTask;
        });

        await Assert.ThrowsAsync<InvalidOperationException>(commit.PersistAsync);
        fail = false;
        await commit.PersistAsync();
        Assert.Equal(2, writes);
    }

    private sealed class GatedStorage
    {
        private readonly Queue<TaskCompletionSource> _gates = new();

        public int Writes { get; private set; }

        public Task WriteAsync()
        {
            Writes++;
            var gate = new TaskCompletionSource();
            _gates.Enqueue(gate);
            return gate.Task;
        }

        public void Release() => _gates.Dequeue().SetResult();
    }

    /// <summary>A clock that moves only when told; it creates no timers (a test using it must never wait).</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
