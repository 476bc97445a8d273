using System.Diagnostics;
using AdrPlatform.Grains;

namespace AdrPlatform.Integration.Tests.Grains;

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
    public async Task With_a_spacing_a_change_that_waited_for_a_write_is_written_that_long_after_it_began()
    {
        var spacing = TimeSpan.FromMilliseconds(200);
        var storage = new GatedStorage();
        var commit = new GroupCommit(storage.WriteAsync, spacing);
        var clock = Stopwatch.StartNew();

        var first = commit.PersistAsync();
        var second = commit.PersistAsync();
        storage.Release();
        await first;
        while (storage.Writes < 2)
        {
            await Task.Delay(5);
        }

        Assert.True(clock.Elapsed >= spacing - TimeSpan.FromMilliseconds(15), $"the second write began after {clock.Elapsed}");
        storage.Release();
        await second;
    }

    [Fact]
    public async Task A_change_that_finds_no_write_in_flight_is_written_at_once_however_recent_the_last()
    {
        var writes = 0;
        var commit = new GroupCommit(() => { writes++; return Task.CompletedTask; }, TimeSpan.FromMinutes(10));

        await commit.PersistAsync();
        var second = commit.PersistAsync();

        Assert.True(second.IsCompletedSuccessfully, "no wait: nothing was in flight");
        await second;
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
}
