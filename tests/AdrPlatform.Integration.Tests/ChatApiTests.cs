using AdrPlatform.Adapters.Chat;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>Streaming chat through the real front silo with the built-in local provider, over gRPC and gRPC-Web.</summary>
public class ChatApiTests(ChatApiTests.SlowLocalProvider host) : IClassFixture<ChatApiTests.SlowLocalProvider>
{
    public static TheoryData<Transport> Transports => [Transport.Grpc, Transport.GrpcWeb];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_answer_streams_grounded_in_the_tenants_adrs_with_citations_and_usage(Transport transport)
    {
        var (clients, chat) = Tenant(transport);
        var storage = await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use PostgreSQL", Body = "## Decision\n\nTenant records are stored in PostgreSQL. Backups run nightly." });
        var logo = await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Logo", Body = "The logo is green." });
        var session = await chat.CreateSessionAsync(new CreateSessionRequest { Title = "Storage questions" });
        await clients.UntilSearchableAsync(storage);
        await clients.UntilSearchableAsync(logo);

        var events = await Collect(chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "Where are tenant records stored?" }));
        Assert.Equal(SendMessageResponse.EventOneofCase.Started, events[0].EventCase);
        Assert.Equal(32, events[0].Started.MessageId.Length);
        var answer = string.Concat(events.Where(e => e.EventCase == SendMessageResponse.EventOneofCase.Delta).Select(e => e.Delta));
        Assert.Contains("Tenant records are stored in PostgreSQL.", answer, StringComparison.Ordinal);
        Assert.Contains("[ADR-0001]", answer, StringComparison.Ordinal);
        Assert.True(events.Count(e => e.EventCase == SendMessageResponse.EventOneofCase.Delta) > 3, "the answer must arrive in pieces");
        var citations = events.Single(e => e.EventCase == SendMessageResponse.EventOneofCase.Citations).Citations.Citations_;
        Assert.Equal("ADR-0001", Assert.Single(citations).AdrId);
        var usage = events.Single(e => e.EventCase == SendMessageResponse.EventOneofCase.Usage).Usage;
        Assert.True(usage.PromptTokens > 0 && usage.CompletionTokens > 0);
        Assert.Equal("stop", events[^1].Finished.FinishReason);

        var stored = await chat.GetSessionAsync(new GetSessionRequest { Id = session.Id });
        Assert.Equal([Role.User, Role.Assistant], stored.Messages.Select(m => m.Role));
        Assert.Equal(answer, stored.Messages[1].Text);
        Assert.Equal(session.Id, Assert.Single((await chat.ListSessionsAsync(new ListSessionsRequest())).Sessions).Id);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_cancelled_stream_stops_and_is_remembered_as_cancelled_and_one_answer_streams_at_a_time(Transport transport)
    {
        var (clients, chat) = Tenant(transport);
        var adr = await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Caching", Body = "Redis caches sessions. Redis evicts old sessions. Redis runs in three zones. Redis is monitored." });
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        await clients.UntilSearchableAsync(adr);

        using var abort = new CancellationTokenSource();
        using var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "How does redis handle sessions in zones?" }, cancellationToken: abort.Token);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var messageId = call.ResponseStream.Current.Started.MessageId;
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await Rpc.FailsStreaming(StatusCode.FailedPrecondition, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "second question" }));

        await abort.CancelAsync();
        await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        var stored = await Eventually.HoldsAsync(() => chat.GetSessionAsync(new GetSessionRequest { Id = session.Id }).ResponseAsync, s => s.Messages.Count == 2, "the cancelled answer was not stored");
        Assert.Equal("cancelled", stored.Messages[1].FinishReason);
        Assert.NotEqual(messageId, stored.Messages[1].Id);
        Assert.False((await chat.CancelMessageAsync(new CancelMessageRequest { SessionId = session.Id, MessageId = messageId })).Cancelled);
    }

    [Fact]
    public async Task CancelMessage_stops_a_stream_the_client_cannot_abort()
    {
        var (clients, chat) = Tenant(Transport.GrpcWeb);
        var adr = await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Queues", Body = "Kafka carries events. Kafka keeps order per tenant. Kafka retains events for a week." });
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        await clients.UntilSearchableAsync(adr);

        using var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "What does kafka keep and retain for events?" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var messageId = call.ResponseStream.Current.Started.MessageId;
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var rest = new List<SendMessageResponse> { call.ResponseStream.Current };
        Assert.True((await chat.CancelMessageAsync(new CancelMessageRequest { SessionId = session.Id, MessageId = messageId })).Cancelled);
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            rest.Add(call.ResponseStream.Current);
        }

        Assert.Equal("cancelled", rest[^1].Finished.FinishReason);
        var streamed = string.Concat(rest.Where(e => e.EventCase == SendMessageResponse.EventOneofCase.Delta).Select(e => e.Delta));
        Assert.NotEmpty(streamed);
        var usage = rest.Single(e => e.EventCase == SendMessageResponse.EventOneofCase.Usage).Usage;
        Assert.Equal(new TiktokenCounter().Count(streamed), usage.CompletionTokens);
    }

    [Fact]
    public async Task Deleting_a_session_while_its_answer_streams_stops_the_answer_and_deletes_the_session()
    {
        var (clients, chat) = Tenant(Transport.Grpc);
        var adr = await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Queues", Body = "Kafka carries events. Kafka keeps order per tenant. Kafka retains events for a week." });
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        await clients.UntilSearchableAsync(adr);

        using var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "What does kafka keep and retain for events?" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(SendMessageResponse.EventOneofCase.Started, call.ResponseStream.Current.EventCase);
        await chat.DeleteSessionAsync(new DeleteSessionRequest { Id = session.Id });
        var rest = new List<SendMessageResponse>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            rest.Add(call.ResponseStream.Current);
        }

        Assert.Equal("cancelled", rest[^1].Finished.FinishReason);
        await Rpc.Fails(StatusCode.NotFound, () => chat.GetSessionAsync(new GetSessionRequest { Id = session.Id }));
        Assert.Empty((await chat.ListSessionsAsync(new ListSessionsRequest())).Sessions);
        await Rpc.FailsStreaming(StatusCode.NotFound, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "still there?" }));
    }

    [Fact]
    public async Task Bad_chat_requests_get_clear_statuses_and_sessions_are_private()
    {
        var (_, chat) = Tenant(Transport.Grpc);
        var session = await chat.CreateSessionAsync(new CreateSessionRequest { Title = "mine" });
        await Rpc.FailsStreaming(StatusCode.InvalidArgument, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "  " }));
        await Rpc.FailsStreaming(StatusCode.ResourceExhausted, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = new string('q', 4001) }));
        await Rpc.FailsStreaming(StatusCode.NotFound, () => chat.SendMessage(new SendMessageRequest { SessionId = Guid.NewGuid().ToString("N"), Text = "hi" }));
        await Rpc.FailsStreaming(StatusCode.InvalidArgument, () => chat.SendMessage(new SendMessageRequest { SessionId = "../etc", Text = "hi" }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => chat.CreateSessionAsync(new CreateSessionRequest { Title = new string('t', 201) }));

        var colleague = new ChatService.ChatServiceClient(Clients.For(host, Transport.Grpc, "chat-" + session.Id[..8], "bob", "viewer").Invoker);
        await Rpc.Fails(StatusCode.NotFound, () => colleague.GetSessionAsync(new GetSessionRequest { Id = session.Id }));
        await chat.DeleteSessionAsync(new DeleteSessionRequest { Id = session.Id });
        await Rpc.Fails(StatusCode.NotFound, () => chat.GetSessionAsync(new GetSessionRequest { Id = session.Id }));
        Assert.Empty((await chat.ListSessionsAsync(new ListSessionsRequest())).Sessions);
    }

    private (Clients Clients, ChatService.ChatServiceClient Chat) Tenant(Transport transport)
    {
        var clients = Clients.For(host, transport, Rpc.Tenant(), "alice", "editor");
        return (clients, new ChatService.ChatServiceClient(clients.Invoker));
    }

    private static async Task<List<SendMessageResponse>> Collect(AsyncServerStreamingCall<SendMessageResponse> call)
    {
        using (call)
        {
            var events = new List<SendMessageResponse>();
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                events.Add(call.ResponseStream.Current);
            }

            return events;
        }
    }

    /// <summary>The local provider paced at 40 ms a word, so a test can act mid-stream.</summary>
    public sealed class SlowLocalProvider() : GatewayHost(new Dictionary<string, string?>
    {
        ["Chat:Models:default:Providers:0:LocalWordInterval"] = "00:00:00.040",
        ["Embeddings:Provider"] = EmbeddedDefaultGatewayHost.Provider,
    });
}
