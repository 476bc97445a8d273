using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>Clients pick a configured model alias; each alias has its providers and its prices.</summary>
public class ChatModelAliasTests(ChatModelAliasTests.TwoModels host) : IClassFixture<ChatModelAliasTests.TwoModels>
{
    [Fact]
    public async Task The_requested_alias_answers_and_is_billed_at_its_price_and_unknown_aliases_are_refused()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "ada", "admin");
        var chat = new ChatService.ChatServiceClient(clients.Invoker);
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());

        var cheap = await Answer(chat, session.Id, string.Empty);
        var careful = await Answer(chat, session.Id, "careful");
        Assert.Equal("fast", cheap.Model);
        Assert.Equal("careful", careful.Model);
        Assert.Equal(0, cheap.Cost);
        Assert.Equal((careful.Usage.PromptTokens + careful.Usage.CompletionTokens) * 0.002, careful.Cost, 6);

        var refused = await Rpc.FailsStreaming(StatusCode.InvalidArgument, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "hi", Model = "gpt-17" }));
        Assert.Contains("careful, fast", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_refused_before_its_answer_streams_leaves_the_session_usable_and_deletable()
    {
        var clients = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "ada", "admin");
        var chat = new ChatService.ChatServiceClient(clients.Invoker);
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());

        await Rpc.FailsStreaming(StatusCode.InvalidArgument, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "hi", Model = "gpt-17" }));
        await Rpc.FailsStreaming(StatusCode.ResourceExhausted, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = new string('q', 4_001) }));
        await Rpc.FailsStreaming(StatusCode.InvalidArgument, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "hi", Model = "gpt-18" }));

        Assert.Equal("fast", (await Answer(chat, session.Id, string.Empty)).Model);
        Assert.Equal(2, (await chat.GetSessionAsync(new GetSessionRequest { Id = session.Id })).Messages.Count);
        await chat.DeleteSessionAsync(new DeleteSessionRequest { Id = session.Id });
        await Rpc.Fails(StatusCode.NotFound, () => chat.GetSessionAsync(new GetSessionRequest { Id = session.Id }));
    }

    private static async Task<(string Model, Usage Usage, double Cost)> Answer(ChatService.ChatServiceClient chat, string session, string model)
    {
        using var call = chat.SendMessage(new SendMessageRequest { SessionId = session, Text = "What did we decide?", Model = model });
        string? alias = null;
        Usage? usage = null;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            alias ??= call.ResponseStream.Current.Started?.Model;
            usage = call.ResponseStream.Current.Usage ?? usage;
        }

        return (alias!, usage!, usage!.CostUsd);
    }

    public sealed class TwoModels() : GatewayHost(new Dictionary<string, string?>
    {
        ["Chat:DefaultModel"] = "fast",
        ["Chat:Models:fast:Providers:0:Provider"] = "local",
        ["Chat:Models:fast:Providers:0:LocalWordInterval"] = "00:00:00",
        ["Chat:Models:careful:Providers:0:Provider"] = "local",
        ["Chat:Models:careful:Providers:0:LocalWordInterval"] = "00:00:00.001",
        ["Chat:Models:careful:InputPricePerMillionTokens"] = "2000",
        ["Chat:Models:careful:OutputPricePerMillionTokens"] = "2000",
    });
}
