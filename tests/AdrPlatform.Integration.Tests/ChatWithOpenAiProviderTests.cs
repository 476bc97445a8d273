using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Integration.Tests.FakeProvider;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;
using Xunit.Abstractions;

namespace AdrPlatform.Integration.Tests;

/// <summary>
/// The real OpenAI SDK path: the front silo configured with provider "openai" against the
/// OpenAI-compatible fake on loopback. Tokens stream through, a client cancel closes the provider's
/// connection, and a provider failure before the first token is UNAVAILABLE.
/// </summary>
public class ChatWithOpenAiProviderTests(ChatWithOpenAiProviderTests.Setup setup, ITestOutputHelper output) : IClassFixture<ChatWithOpenAiProviderTests.Setup>
{
    [Fact]
    public async Task Tokens_stream_from_the_provider_and_its_reported_usage_is_settled()
    {
        // Gaps long enough that only a stall of a third of a second could merge every token into one delta.
        setup.Provider.Behavior = new FakeChatBehavior { Tokens = 12, InterTokenGap = TimeSpan.FromMilliseconds(30) };
        var (admin, chat, session) = await NewSession();
        var events = new List<SendMessageResponse>();
        using (var call = chat.SendMessage(new SendMessageRequest { SessionId = session, Text = "Summarise our database decisions" }))
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                events.Add(call.ResponseStream.Current);
            }
        }

        // Token by token as they come; tokens that arrive while the answer waits for a core travel together.
        var deltas = events.Where(e => e.EventCase == SendMessageResponse.EventOneofCase.Delta).Select(e => e.Delta).ToList();
        Assert.InRange(deltas.Count, 2, 12);
        Assert.Equal(string.Concat(FakeChatProvider.DefaultTokens("Summarise our database decisions", 12)), string.Concat(deltas));
        var request = setup.Provider.Requests[^1];
        Assert.True(request.Stream);
        Assert.True(request.IncludeUsage);
        Assert.Equal("Summarise our database decisions", request.LastUserMessage);
        Assert.Equal("fake-model", request.Model);
        Assert.Equal(12, events.Single(e => e.EventCase == SendMessageResponse.EventOneofCase.Usage).Usage.CompletionTokens);
        Assert.Equal("stop", events[^1].Finished.FinishReason);
        Assert.Equal(0, (await admin.Tenants.GetUsageAsync(new GetUsageRequest())).ReservedUsd);
    }

    [Fact]
    public async Task A_burst_of_tokens_travels_in_fewer_deltas_and_an_answer_cut_at_the_output_limit_finishes_with_length()
    {
        setup.Provider.Behavior = new FakeChatBehavior { Tokens = 5_000, InterTokenGap = TimeSpan.Zero };
        var (_, chat, session) = await NewSession();
        var events = new List<SendMessageResponse>();
        using (var call = chat.SendMessage(new SendMessageRequest { SessionId = session, Text = "Everything at once" }))
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                events.Add(call.ResponseStream.Current);
            }
        }

        const int outputLimit = 1024; // Chat:MaxOutputTokens
        Assert.Equal(outputLimit, setup.Provider.Requests[^1].MaxTokens);
        var deltas = events.Where(e => e.EventCase == SendMessageResponse.EventOneofCase.Delta).Select(e => e.Delta).ToList();
        Assert.Equal(string.Concat(FakeChatProvider.DefaultTokens("Everything at once", outputLimit)), string.Concat(deltas));
        Assert.True(deltas.Count < outputLimit, $"{deltas.Count} deltas for {outputLimit} tokens that arrived together");
        Assert.Equal(outputLimit, events.Single(e => e.EventCase == SendMessageResponse.EventOneofCase.Usage).Usage.CompletionTokens);
        Assert.Equal("length", events[^1].Finished.FinishReason);
    }

    [Theory]
    [InlineData(Transport.Grpc)]
    [InlineData(Transport.GrpcWeb)]
    public async Task A_client_cancel_closes_the_provider_connection_within_milliseconds(Transport transport)
    {
        setup.Provider.Behavior = new FakeChatBehavior { Tokens = 10_000, InterTokenGap = TimeSpan.FromMilliseconds(5) };
        var (_, chat, session) = await NewSession(transport);
        var latencies = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            using var abort = new CancellationTokenSource();
            var question = $"Go on, {transport} round {round}";
            using var call = chat.SendMessage(new SendMessageRequest { SessionId = session, Text = question }, cancellationToken: abort.Token);
            for (var i = 0; i < 5; i++)
            {
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            }

            var cancelledAt = setup.Provider.Now;
            await abort.CancelAsync();
            var request = setup.Provider.Requests.Single(r => r.LastUserMessage == question);
            await request.Finished.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(request.AbortedAt is not null, $"the provider saw the request end as {request.Outcome}, not as a client abort");
            latencies.Add((request.AbortedAt.Value - cancelledAt).TotalMilliseconds);
            await Task.Delay(100); // let the session record the cancelled answer before the next round
        }

        latencies.Sort();
        output.WriteLine($"{transport}: client cancel -> provider connection closed: {string.Join(", ", latencies.Select(l => l.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        Assert.True(latencies[2] < 200, $"median cancel latency {latencies[2]} ms");
    }

    [Fact]
    public async Task A_provider_failure_before_the_first_token_is_unavailable_and_releases_the_reservation()
    {
        setup.Provider.Behavior = new FakeChatBehavior { Fault = FakeChatFault.Status500 };
        var (admin, chat, session) = await NewSession();
        var message = await Rpc.FailsStreaming(StatusCode.Unavailable, () => chat.SendMessage(new SendMessageRequest { SessionId = session, Text = "Anything?" }));
        Assert.Contains("provider", message, StringComparison.Ordinal);
        var usage = await admin.Tenants.GetUsageAsync(new GetUsageRequest());
        Assert.Equal(0, usage.ReservedUsd);
        Assert.Equal(0, Assert.Single(usage.Users).ActiveStreams);
    }

    private async Task<(Clients Admin, ChatService.ChatServiceClient Chat, string Session)> NewSession(Transport transport = Transport.Grpc)
    {
        var admin = Clients.For(setup.Host, transport, Rpc.Tenant(), "ada", "admin");
        var chat = new ChatService.ChatServiceClient(admin.Invoker);
        return (admin, chat, (await chat.CreateSessionAsync(new CreateSessionRequest())).Id);
    }

    public sealed class Setup : IAsyncLifetime
    {
        public FakeChatProvider Provider { get; } = new();

        public GatewayHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Provider.StartAsync();
            Host = GatewayHost.With(new Dictionary<string, string?>
            {
                ["Chat:Models:default:Providers:0:Provider"] = "openai",
                ["Chat:Models:default:Providers:0:Endpoint"] = Provider.BaseUrl,
                ["Chat:Models:default:Providers:0:Model"] = "fake-model",
                ["Chat:Models:default:Providers:0:ApiKey"] = "test-key",
            });
            await Host.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }
}
