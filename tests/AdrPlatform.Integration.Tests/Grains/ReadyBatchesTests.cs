using System.Threading.Channels;
using AdrPlatform.Grains.Chat;

namespace AdrPlatform.Integration.Tests.Grains;

public class ReadyBatchesTests
{
    [Fact]
    public async Task A_reader_that_keeps_up_gets_one_item_per_batch()
    {
        var channel = Channel.CreateUnbounded<int>();
        var batches = new ReadyBatches<int>(channel.Reader.ReadAllAsync().GetAsyncEnumerator(), maxBatch: 16);
        for (var i = 0; i < 3; i++)
        {
            var next = batches.NextAsync();
            Assert.False(next.IsCompleted);
            await channel.Writer.WriteAsync(i);
            Assert.Equal([i], await next);
        }
    }

    [Fact]
    public async Task What_piled_up_comes_as_one_batch_and_what_arrives_later_as_the_next()
    {
        var channel = Channel.CreateUnbounded<int>();
        var batches = new ReadyBatches<int>(channel.Reader.ReadAllAsync().GetAsyncEnumerator(), maxBatch: 16);
        foreach (var item in new[] { 1, 2, 3 })
        {
            await channel.Writer.WriteAsync(item);
        }

        Assert.Equal([1, 2, 3], await batches.NextAsync());
        var next = batches.NextAsync();
        await channel.Writer.WriteAsync(4);
        Assert.Equal([4], await next);
    }

    [Fact]
    public async Task A_batch_holds_at_most_the_maximum()
    {
        var channel = Channel.CreateUnbounded<int>();
        var batches = new ReadyBatches<int>(channel.Reader.ReadAllAsync().GetAsyncEnumerator(), maxBatch: 2);
        foreach (var item in Enumerable.Range(1, 5))
        {
            await channel.Writer.WriteAsync(item);
        }

        channel.Writer.Complete();
        Assert.Equal([1, 2], await batches.NextAsync());
        Assert.Equal([3, 4], await batches.NextAsync());
        Assert.Equal([5], await batches.NextAsync());
        Assert.Empty(await batches.NextAsync());
    }

    [Fact]
    public async Task The_end_is_an_empty_batch_and_stays_one_without_reading_past_it()
    {
        var source = new CountingSource([1]);
        var batches = new ReadyBatches<int>(source, maxBatch: 8);
        Assert.Equal([1], await batches.NextAsync());
        Assert.Empty(await batches.NextAsync());
        Assert.Empty(await batches.NextAsync());
        Assert.Equal(2, source.MoveNextCalls);
    }

    [Fact]
    public async Task A_failure_comes_after_the_items_read_before_it()
    {
        var channel = Channel.CreateUnbounded<int>();
        var batches = new ReadyBatches<int>(channel.Reader.ReadAllAsync().GetAsyncEnumerator(), maxBatch: 8);
        await channel.Writer.WriteAsync(1);
        await channel.Writer.WriteAsync(2);
        channel.Writer.Complete(new InvalidOperationException("provider dropped"));

        Assert.Equal([1, 2], await batches.NextAsync());
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () => await batches.NextAsync());
        Assert.Equal("provider dropped", failure.Message);
    }

    private sealed class CountingSource(int[] items) : IAsyncEnumerator<int>
    {
        private int _index = -1;

        public int MoveNextCalls { get; private set; }

        public int Current => items[_index];

        public ValueTask<bool> MoveNextAsync()
        {
            MoveNextCalls++;
            return ValueTask.FromResult(++_index < items.Length);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
