using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using OpenAI;
using Xunit.Abstractions;

namespace AdrPlatform.Integration.Tests.FakeProvider;

/// <summary>The fake provider driven by the real OpenAI SDK through Microsoft.Extensions.AI's IChatClient.</summary>
public sealed class FakeChatProviderTests(ITestOutputHelper output)
{
    private const string Question = "Why did we pick PostgreSQL?";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The SDK's default pipeline retries 408/429/500/502/503/504 and transport errors 3 times (exponential backoff from 0.8 s,
    /// or the retry-after header): <paramref name="sdkRetries"/> false installs ClientRetryPolicy(0) so faults surface at once.
    /// </summary>
    private static IChatClient CreateClient(FakeChatProvider provider, bool sdkRetries = false) =>
        new OpenAIClient(
                new ApiKeyCredential("sk-fake"),
                new OpenAIClientOptions
                {
                    Endpoint = new Uri(provider.BaseUrl),
                    RetryPolicy = sdkRetries ? null : new ClientRetryPolicy(maxRetries: 0),
                })
            .GetChatClient("fake-model")
            .AsIChatClient();

    private static List<ChatMessage> Conversation() => [new(ChatRole.System, "You are terse."), new(ChatRole.User, Question)];

    [Fact]
    public async Task Streaming_yields_the_tokens_in_order_then_the_finish_reason_and_usage()
    {
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Tokens = 12, InterTokenGap = TimeSpan.FromMilliseconds(2) });
        var client = CreateClient(provider);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Conversation()))
        {
            updates.Add(update);
        }

        var tokens = updates.Select(u => u.Text).Where(t => t.Length > 0).ToList();
        Assert.Equal(FakeChatProvider.DefaultTokens(Question, 12), tokens);
        Assert.StartsWith("Answer: Why did we pick PostgreSQL? lorem", string.Concat(tokens), StringComparison.Ordinal);
        Assert.Equal(ChatRole.Assistant, updates.First().Role);
        Assert.Contains(updates, u => u.FinishReason == ChatFinishReason.Stop);
        Assert.All(updates, u => Assert.Equal("chatcmpl-fake-1", u.ResponseId));

        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(12, usage.Details.OutputTokenCount);
        Assert.Equal(3 + 5 + 2, usage.Details.InputTokenCount); // words + 1 per message
        Assert.Equal(22, usage.Details.TotalTokenCount);
        Assert.True(updates.FindIndex(u => u.Contents.OfType<UsageContent>().Any()) > updates.FindLastIndex(u => u.Text.Length > 0));

        var request = Assert.Single(provider.Requests);
        Assert.Equal("fake-model", request.Model);
        Assert.Equal(2, request.MessageCount);
        Assert.Equal(Question, request.LastUserMessage);
        Assert.True(request.Stream);
        Assert.True(request.IncludeUsage);
        Assert.Null(request.MaxTokens);
        Assert.Equal("Bearer sk-fake", request.Authorization);
        await request.Finished.WaitAsync(Patience);
        Assert.Equal(FakeChatOutcome.Completed, request.Outcome);
        Assert.Equal(12, request.TokensSent);
        Assert.Null(request.AbortedAt);
        Assert.NotNull(request.CompletedAt);
        Assert.Equal(0, provider.ActiveStreams);
        Assert.Equal(1, provider.PeakActiveStreams);
    }

    [Fact]
    public async Task Max_output_tokens_cuts_the_answer_with_finish_reason_length()
    {
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Tokens = 10 });
        var client = CreateClient(provider);
        var options = new ChatOptions { MaxOutputTokens = 4 };

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Conversation(), options))
        {
            updates.Add(update);
        }

        var streamed = updates.ToChatResponse();
        Assert.Equal(string.Concat(FakeChatProvider.DefaultTokens(Question, 4)), streamed.Text);
        Assert.Equal(ChatFinishReason.Length, streamed.FinishReason);
        Assert.Equal(4, streamed.Usage?.OutputTokenCount);

        var whole = await client.GetResponseAsync(Conversation(), options);
        Assert.Equal(streamed.Text, whole.Text);
        Assert.Equal(ChatFinishReason.Length, whole.FinishReason);
        Assert.All(provider.Requests, r => Assert.Equal(4, r.MaxTokens));
    }

    [Fact]
    public async Task A_non_streaming_request_gets_a_whole_completion_with_usage()
    {
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Tokens = 7 });
        var client = CreateClient(provider);

        var response = await client.GetResponseAsync(Conversation());

        Assert.Equal(string.Concat(FakeChatProvider.DefaultTokens(Question, 7)), response.Text);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("chatcmpl-fake-1", response.ResponseId);
        Assert.Equal("fake-model", response.ModelId);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        Assert.Equal(10, response.Usage?.InputTokenCount);
        Assert.Equal(17, response.Usage?.TotalTokenCount);

        var request = Assert.Single(provider.Requests);
        Assert.False(request.Stream);
        Assert.False(request.IncludeUsage);
        Assert.Equal("Bearer sk-fake", request.Authorization);
        Assert.Equal(FakeChatOutcome.Completed, (await request.Finished.WaitAsync(Patience)).Outcome);
    }

    [Fact]
    public async Task Custom_token_text_is_streamed_verbatim_including_characters_that_need_escaping()
    {
        string[] pieces = ["Quote \"this\"", "\n", "naïve ✓", "\\path", "</script>"];
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Tokens = pieces.Length, TokenText = (_, i) => pieces[i] });
        var client = CreateClient(provider);

        var tokens = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync("anything"))
        {
            if (update.Text.Length > 0)
            {
                tokens.Add(update.Text);
            }
        }

        Assert.Equal(pieces, tokens);
    }

    [Fact]
    public async Task The_first_token_arrives_no_sooner_than_the_configured_time_and_tokens_are_paced()
    {
        var ttft = TimeSpan.FromMilliseconds(300);
        var gap = TimeSpan.FromMilliseconds(40);
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Tokens = 6, TimeToFirstToken = ttft, InterTokenGap = gap });
        var client = CreateClient(provider);
        await client.GetResponseAsync("warm up the connection pool"); // so the measured call does not pay for connecting

        var clock = Stopwatch.StartNew();
        TimeSpan? firstToken = null;
        await foreach (var update in client.GetStreamingResponseAsync(Conversation()))
        {
            if (update.Text.Length > 0)
            {
                firstToken ??= clock.Elapsed;
            }
        }

        var total = clock.Elapsed;
        output.WriteLine($"client: first token after {firstToken?.TotalMilliseconds:F1} ms, done after {total.TotalMilliseconds:F1} ms");
        Assert.NotNull(firstToken);
        Assert.True(firstToken >= ttft, $"first token after {firstToken}");
        Assert.True(total >= ttft + (5 * gap), $"whole answer after {total}");

        var request = provider.Requests[^1];
        output.WriteLine($"server: {request}");
        Assert.True(request.FirstTokenAt - request.StartedAt >= ttft);
    }

    [Fact]
    public async Task Cancelling_the_client_token_mid_stream_is_observed_by_the_provider_quickly()
    {
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Tokens = 100_000, InterTokenGap = TimeSpan.FromMilliseconds(20) });
        var client = CreateClient(provider);
        var latencies = new List<TimeSpan>();

        // Round 0 warms up (JIT, first exceptions) and is not counted: the machine may be busy with other builds.
        for (var round = 0; round <= 5; round++)
        {
            using var cancel = new CancellationTokenSource();
            var aborted = provider.NextAbortObserved;
            var received = 0;
            TimeSpan cancelledAt = default;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var update in client.GetStreamingResponseAsync(Conversation(), cancellationToken: cancel.Token))
                {
                    if (update.Text.Length > 0 && ++received == 5)
                    {
                        // Cancel from elsewhere while the consumer awaits the next token, as when the caller's request is aborted.
                        _ = Task.Run(async () =>
                        {
                            await Task.Delay(7);
                            cancelledAt = provider.Now;
                            await cancel.CancelAsync();
                        });
                    }
                }
            });

            var request = await aborted.WaitAsync(Patience);
            var latency = request.AbortedAt!.Value - cancelledAt;
            if (round > 0)
            {
                latencies.Add(latency);
            }

            output.WriteLine($"round {round}: cancel → provider saw the abort after {latency.TotalMilliseconds:F2} ms ({request})");
            Assert.Equal(FakeChatOutcome.ClientAborted, (await request.Finished.WaitAsync(Patience)).Outcome);
            Assert.InRange(request.TokensSent, 5, 100);
            Assert.Null(request.CompletedAt);
        }

        output.WriteLine($"cancel → abort: max {latencies.Max().TotalMilliseconds:F2} ms, median {latencies.Order().ElementAt(latencies.Count / 2).TotalMilliseconds:F2} ms");
        Assert.True(latencies.Order().ElementAt(latencies.Count / 2) < TimeSpan.FromSeconds(1), "median cancel → abort latency");
        // Each under the ~2 s a draining (not cancelled) response takes; see the next test.
        Assert.All(latencies, l => Assert.True(l < TimeSpan.FromSeconds(1.5), $"abort observed {l} after cancel"));
        Assert.Equal(0, provider.ActiveStreams);
    }

    [Fact]
    public async Task Breaking_out_of_the_stream_without_cancelling_leaves_the_provider_connection_open_while_the_client_drains_it()
    {
        // Disposing the enumerator without cancelling disposes the response with no read pending: SocketsHttpHandler then
        // drains the HTTP/1.1 body to reuse the connection (ResponseDrainTimeout 2 s / MaxResponseDrainSize 1 MB) before
        // closing it, so a provider that keeps streaming sees the client leave only ~2 s later. Cancel the token instead.
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Tokens = 100_000, InterTokenGap = TimeSpan.FromMilliseconds(20) });
        var client = CreateClient(provider);
        var aborted = provider.NextAbortObserved;
        var received = 0;
        TimeSpan leftAt = default;
        await foreach (var update in client.GetStreamingResponseAsync(Conversation()))
        {
            if (update.Text.Length > 0 && ++received == 5)
            {
                leftAt = provider.Now;
                break;
            }
        }

        var request = await aborted.WaitAsync(Patience);
        output.WriteLine($"break without cancel → provider saw the abort after {(request.AbortedAt!.Value - leftAt).TotalMilliseconds:F2} ms ({request})");
        Assert.Equal(FakeChatOutcome.ClientAborted, (await request.Finished.WaitAsync(Patience)).Outcome);
    }

    [Fact]
    public async Task Disposing_the_provider_ends_hung_and_streaming_requests_promptly()
    {
        var provider = await FakeChatProvider.StartNewAsync(new() { Fault = FakeChatFault.Hang });
        var client = CreateClient(provider);
        var hungArrived = provider.NextRequestReceived;
        var hung = Task.Run(() => client.GetResponseAsync(Conversation()));
        var hungRequest = await hungArrived.WaitAsync(Patience);
        provider.Behavior = new FakeChatBehavior { Tokens = 100_000, InterTokenGap = TimeSpan.FromMilliseconds(20) };
        var streamArrived = provider.NextRequestReceived;
        var stream = Task.Run(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Conversation()))
            {
                _ = update;
            }
        });
        var streamRequest = await streamArrived.WaitAsync(Patience);
        // The stream counts as active once its headers are written, just after it arrives.
        await Eventually.WithinAsync(() => provider.ActiveStreams > 0, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(10));

        Assert.Equal(1, provider.ActiveStreams);

        var clock = Stopwatch.StartNew();
        await provider.DisposeAsync();
        output.WriteLine($"dispose with 2 open requests took {clock.Elapsed.TotalMilliseconds:F1} ms");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"dispose took {clock.Elapsed}");
        Assert.Equal(FakeChatOutcome.ProviderStopped, (await hungRequest.Finished.WaitAsync(Patience)).Outcome);
        Assert.Equal(FakeChatOutcome.ProviderStopped, (await streamRequest.Finished.WaitAsync(Patience)).Outcome);
        await Assert.ThrowsAnyAsync<Exception>(() => hung.WaitAsync(Patience));
        await Assert.ThrowsAnyAsync<Exception>(() => stream.WaitAsync(Patience));
    }

    [Fact]
    public async Task Status_429_surfaces_as_a_ClientResultException_with_retries_off_and_is_retried_by_the_default_policy()
    {
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Fault = FakeChatFault.Status429, RetryAfter = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<ClientResultException>(() => CreateClient(provider).GetResponseAsync(Conversation()));
        Assert.Equal(429, error.Status);
        Assert.Contains("rate_limit_exceeded", error.Message, StringComparison.Ordinal);
        Assert.Single(provider.Requests);

        var streaming = await Assert.ThrowsAsync<ClientResultException>(async () =>
        {
            await foreach (var update in CreateClient(provider).GetStreamingResponseAsync(Conversation()))
            {
                Assert.Fail($"unexpected update {update}");
            }
        });
        Assert.Equal(429, streaming.Status);
        Assert.Equal(2, provider.Requests.Count);

        // The default pipeline tries 1 + 3 times (honouring retry-after, here 0) before giving up.
        var retried = await Assert.ThrowsAsync<ClientResultException>(() => CreateClient(provider, sdkRetries: true).GetResponseAsync(Conversation()));
        Assert.Equal(429, retried.Status);
        Assert.Equal(6, provider.Requests.Count);
        Assert.All(provider.Requests, r => Assert.Equal(FakeChatOutcome.Faulted, r.Outcome));
    }

    [Fact]
    public async Task Status_500_surfaces_as_a_ClientResultException()
    {
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Fault = FakeChatFault.Status500 });
        var client = CreateClient(provider);

        var error = await Assert.ThrowsAsync<ClientResultException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Conversation()))
            {
                Assert.Fail($"unexpected update {update}");
            }
        });

        Assert.Equal(500, error.Status);
        Assert.Single(provider.Requests);
    }

    [Fact]
    public async Task A_hanging_provider_can_be_cancelled_and_sees_the_client_leave()
    {
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Fault = FakeChatFault.Hang });
        var client = CreateClient(provider);
        using var cancel = new CancellationTokenSource();
        var received = provider.NextRequestReceived;
        var aborted = provider.NextAbortObserved;

        var call = Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Conversation(), cancellationToken: cancel.Token))
            {
                Assert.Fail($"unexpected update {update}");
            }
        });
        var request = await received.WaitAsync(Patience);
        await Task.Delay(100);
        Assert.False(call.IsCompleted);
        Assert.Equal(FakeChatOutcome.Running, request.Outcome);

        var cancelledAt = provider.Now;
        await cancel.CancelAsync();
        await call.WaitAsync(Patience);
        Assert.Same(request, await aborted.WaitAsync(Patience));
        output.WriteLine($"hang: cancel → provider saw the abort after {(request.AbortedAt!.Value - cancelledAt).TotalMilliseconds:F2} ms");
        Assert.Equal(FakeChatOutcome.ClientAborted, (await request.Finished.WaitAsync(Patience)).Outcome);
        Assert.Null(request.FirstTokenAt);
    }

    [Fact]
    public async Task Dropping_the_connection_mid_stream_yields_some_tokens_then_throws()
    {
        await using var provider = await FakeChatProvider.StartNewAsync(new()
        {
            Fault = FakeChatFault.DropMidStream, Tokens = 20, DropAfterTokens = 5, InterTokenGap = TimeSpan.FromMilliseconds(5),
        });
        var client = CreateClient(provider);

        var tokens = new List<string>();
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Conversation()))
            {
                if (update.Text.Length > 0)
                {
                    tokens.Add(update.Text);
                }
            }
        });

        output.WriteLine($"drop: {tokens.Count} tokens, then {error.GetType()}: {error.Message}");
        Assert.IsNotType<OperationCanceledException>(error);
        // An aborted connection may discard the last bytes in flight: the client sees a prefix of what was sent.
        Assert.InRange(tokens.Count, 1, 5);
        Assert.Equal(FakeChatProvider.DefaultTokens(Question, 5).Take(tokens.Count), tokens);
        var request = await Assert.Single(provider.Requests).Finished.WaitAsync(Patience);
        Assert.Equal(FakeChatOutcome.Dropped, request.Outcome);
        Assert.Null(request.AbortedAt);
        Assert.Equal(5, request.TokensSent);
    }

    [Fact]
    public async Task Garbage_from_the_provider_throws_for_streaming_and_non_streaming_calls()
    {
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Fault = FakeChatFault.Garbage });
        var client = CreateClient(provider);

        var streaming = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Conversation()))
            {
                Assert.Fail($"unexpected update {update}");
            }
        });
        var whole = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(Conversation()));

        output.WriteLine($"garbage: streaming → {streaming.GetType()}: {streaming.Message}; non-streaming → {whole.GetType()}: {whole.Message}");
        Assert.IsNotType<OperationCanceledException>(streaming);
        Assert.IsNotType<OperationCanceledException>(whole);
        Assert.Equal(2, provider.Requests.Count);
    }

    [Fact]
    public async Task Fault_once_then_recover_fails_the_first_call_only()
    {
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Fault = FakeChatFault.Status500, FaultOnceThenRecover = true, Tokens = 3 });
        var client = CreateClient(provider);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync(Conversation()));
        Assert.Equal(500, error.Status);
        Assert.Equal(string.Concat(FakeChatProvider.DefaultTokens(Question, 3)), (await client.GetResponseAsync(Conversation())).Text);
        Assert.Equal([FakeChatFault.Status500, FakeChatFault.None], provider.Requests.Select(r => r.Fault));

        // Installing a behavior re-arms it; with the SDK's default retry policy the failure is invisible to the caller.
        provider.Behavior = provider.Behavior with { Fault = FakeChatFault.Status429, RetryAfter = TimeSpan.Zero };
        var text = new List<string>();
        await foreach (var update in CreateClient(provider, sdkRetries: true).GetStreamingResponseAsync(Conversation()))
        {
            text.Add(update.Text);
        }

        Assert.Equal(string.Concat(FakeChatProvider.DefaultTokens(Question, 3)), string.Concat(text));
        Assert.Equal([FakeChatFault.Status500, FakeChatFault.None, FakeChatFault.Status429, FakeChatFault.None], provider.Requests.Select(r => r.Fault));
    }

    [Fact]
    public async Task A_thousand_concurrent_streams_are_served_at_once()
    {
        const int Streams = 1_000;
        const int Tokens = 30;
        await using var provider = await FakeChatProvider.StartNewAsync(new() { Tokens = Tokens, InterTokenGap = TimeSpan.FromMilliseconds(50) });
        var client = CreateClient(provider);
        var expected = string.Concat(FakeChatProvider.DefaultTokens(Question, Tokens));
        var threadsBefore = ThreadPool.ThreadCount;

        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Streams).Select(async _ =>
        {
            var text = new System.Text.StringBuilder();
            await foreach (var update in client.GetStreamingResponseAsync(Conversation()))
            {
                text.Append(update.Text);
            }

            return text.ToString();
        })).WaitAsync(TimeSpan.FromSeconds(60));

        output.WriteLine($"{Streams} streams × {Tokens} tokens (50 ms apart) in {clock.Elapsed.TotalMilliseconds:F0} ms; " +
            $"peak {provider.PeakActiveStreams} open at once; thread pool {threadsBefore} → {ThreadPool.ThreadCount} threads");
        Assert.All(answers, a => Assert.Equal(expected, a));
        Assert.Equal(Streams, provider.Requests.Count);
        Assert.True(provider.PeakActiveStreams >= Streams / 4, $"peak {provider.PeakActiveStreams}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
