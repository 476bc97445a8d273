using AdrPlatform.Adapters.Chat;
using AdrPlatform.Errors;
using AdrPlatform.Integration.Tests.FakeProvider;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Integration.Tests.Chat;

/// <summary>Retries, failover, circuit breaking and load shedding, against OpenAI-compatible fakes through the real SDK.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes the fakes through IAsyncLifetime.DisposeAsync.")]
public sealed class ResilientChatClientTests : IAsyncLifetime
{
    private FakeChatProvider _first = null!;
    private FakeChatProvider _second = null!;

    public async Task InitializeAsync()
    {
        _first = new FakeChatProvider();
        _second = new FakeChatProvider();
        await _first.StartAsync();
        await _second.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private ResilientChatClient Client(ResilienceOptions? options = null) =>
        new([Provider(_first), Provider(_second)], options ?? new ResilienceOptions { FirstBackoff = TimeSpan.FromMilliseconds(10) }, TimeProvider.System);

    private static IChatClient Provider(FakeChatProvider fake) =>
        ChatProviders.Create(new ChatProviderOptions { Provider = "openai", Endpoint = fake.BaseUrl, Model = "m", ApiKey = "k" }, TimeProvider.System);

    private static async Task<string> Answer(ResilientChatClient client, CancellationToken cancellationToken = default)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hello there")], cancellationToken: cancellationToken))
        {
            text.Append(update.Text);
        }

        return text.ToString();
    }

    [Fact]
    public async Task A_failing_provider_is_retried_then_the_next_one_answers()
    {
        _first.Behavior = new FakeChatBehavior { Fault = FakeChatFault.Status500 };
        _second.Behavior = new FakeChatBehavior { Tokens = 4 };
        using var client = Client();
        Assert.StartsWith("Answer:", await Answer(client), StringComparison.Ordinal);
        Assert.Equal(3, _first.Requests.Count);
        Assert.Single(_second.Requests);
    }

    [Fact]
    public async Task A_provider_that_hangs_before_its_first_token_times_out_and_the_next_one_answers()
    {
        _first.Behavior = new FakeChatBehavior { Fault = FakeChatFault.Hang };
        _second.Behavior = new FakeChatBehavior { Tokens = 4 };
        using var client = Client(new ResilienceOptions { FirstBackoff = TimeSpan.FromMilliseconds(10), MaxRetries = 1, FirstTokenTimeout = TimeSpan.FromMilliseconds(300) });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.StartsWith("Answer:", await Answer(client), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(2, _first.Requests.Count);
        foreach (var hung in _first.Requests)
        {
            await hung.Finished.WaitAsync(TimeSpan.FromSeconds(5)); // each timed-out attempt closed its request
            Assert.NotNull(hung.AbortedAt);
        }
    }

    [Fact]
    public async Task A_rate_limit_before_the_first_token_is_retried_on_the_same_provider()
    {
        _first.Behavior = new FakeChatBehavior { Fault = FakeChatFault.Status429, FaultOnceThenRecover = true, Tokens = 3 };
        using var client = Client();
        Assert.StartsWith("Answer:", await Answer(client), StringComparison.Ordinal);
        Assert.Equal(2, _first.Requests.Count);
        Assert.Empty(_second.Requests);
    }

    [Fact]
    public async Task After_the_first_token_a_failure_ends_the_stream_and_is_not_retried()
    {
        _first.Behavior = new FakeChatBehavior { Fault = FakeChatFault.DropMidStream, DropAfterTokens = 5, Tokens = 10, InterTokenGap = TimeSpan.FromMilliseconds(20) };
        using var client = Client();
        var received = 0;
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hello")]))
            {
                received += update.Text.Length > 0 ? 1 : 0;
            }
        });
        Assert.InRange(received, 1, 5);
        Assert.Single(_first.Requests);
        Assert.Empty(_second.Requests);
    }

    [Fact]
    public async Task An_open_circuit_skips_the_provider_until_it_has_rested()
    {
        _first.Behavior = new FakeChatBehavior { Fault = FakeChatFault.Status500 };
        _second.Behavior = new FakeChatBehavior { Tokens = 2 };
        using var client = Client(new ResilienceOptions { FailuresToBreak = 2, MaxRetries = 2, FirstBackoff = TimeSpan.FromMilliseconds(5), BreakDuration = TimeSpan.FromMinutes(1) });
        await Answer(client);
        var afterFirst = _first.Requests.Count;
        Assert.Equal(2, afterFirst);
        await Answer(client);
        Assert.Equal(afterFirst, _first.Requests.Count);
        Assert.Equal(2, _second.Requests.Count);
    }

    [Fact]
    public async Task When_every_provider_fails_the_caller_gets_unavailable()
    {
        _first.Behavior = new FakeChatBehavior { Fault = FakeChatFault.Status500 };
        _second.Behavior = new FakeChatBehavior { Fault = FakeChatFault.Status429 };
        using var client = Client();
        var error = await Assert.ThrowsAsync<AdrPlatformException>(() => Answer(client));
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
    }

    [Fact]
    public async Task Beyond_the_queue_limit_requests_are_refused_at_once()
    {
        _first.Behavior = new FakeChatBehavior { Tokens = 1_000, InterTokenGap = TimeSpan.FromMilliseconds(10) };
        using var client = Client(new ResilienceOptions { MaxConcurrentStreams = 1, MaxQueueDepth = 1 });
        using var stop = new CancellationTokenSource();
        var streaming = Answer(client, stop.Token);
        await _first.NextRequestReceived.WaitAsync(TimeSpan.FromSeconds(5));
        var queued = Answer(client, stop.Token);
        await Task.Delay(100);
        var refused = await Assert.ThrowsAsync<AdrPlatformException>(() => Answer(client));
        Assert.Equal(ErrorKind.ResourceExhausted, refused.Kind);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
    }
}
