using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Ports;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests.Chat;

/// <summary>
/// A client that gives up on a question while its answer is still being prepared (searching its passages, reserving
/// its budget): the session takes the next question at once, and the cancelled one costs nothing.
/// </summary>
public class ChatCancellationApiTests(ChatCancellationApiTests.HeldChatHost host) : IClassFixture<ChatCancellationApiTests.HeldChatHost>
{
    [Fact]
    public async Task A_question_cancelled_while_its_passages_are_searched_ends_at_once_and_costs_nothing()
    {
        var held = host.Index.HoldNextSearch();
        try
        {
            var (admin, chat, tenant, session) = await NewSessionAsync();
            await CancelOnceReachedAsync(chat, session, held);

            // Orleans does not yet route a cancellation to the stateless-worker activation running the call
            // (dotnet/orleans#9877), so the search runs on; the session stops waiting for it at once all the same.
            await AskAgainAndAssertOnlyThatIsChargedAsync(admin, chat, tenant, session);
        }
        finally
        {
            held.Release();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_question_cancelled_while_its_reservation_is_pending_ends_at_once_and_costs_nothing(bool reservationDeliveredLate)
    {
        var held = host.Reservations.HoldNext(reservationDeliveredLate);
        var (admin, chat, tenant, session) = await NewSessionAsync();
        await CancelOnceReachedAsync(chat, session, held);
        await held.Cancelled.WaitAsync(TimeSpan.FromSeconds(5));
        await AskAgainAndAssertOnlyThatIsChargedAsync(admin, chat, tenant, session);
    }

    private async Task<(Clients Admin, ChatService.ChatServiceClient Chat, string Tenant, string Session)> NewSessionAsync()
    {
        var tenant = Rpc.Tenant();
        var admin = Clients.For(host, Transport.Grpc, tenant, "ada", "admin");
        var chat = new ChatService.ChatServiceClient(admin.Invoker);
        return (admin, chat, tenant, (await chat.CreateSessionAsync(new CreateSessionRequest())).Id);
    }

    private static async Task CancelOnceReachedAsync(ChatService.ChatServiceClient chat, string sessionId, HeldUntilCancelled held)
    {
        using var abort = new CancellationTokenSource();
        using var call = chat.SendMessage(new SendMessageRequest { SessionId = sessionId, Text = "Where are tenant records stored?" }, cancellationToken: abort.Token);
        var firstEvent = call.ResponseStream.MoveNext(CancellationToken.None);
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await abort.CancelAsync();
        var ended = await Assert.ThrowsAsync<RpcException>(() => firstEvent.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(StatusCode.Cancelled, ended.StatusCode);
    }

    /// <summary>The session takes the next question within seconds; only that one is kept and charged.</summary>
    private async Task AskAgainAndAssertOnlyThatIsChargedAsync(Clients admin, ChatService.ChatServiceClient chat, string tenant, string sessionId)
    {
        var finish = await Eventually.HoldsAsync(
            () => TryAskAsync(chat, sessionId), reason => reason is not null, "the cancelled question still holds the session", TimeSpan.FromSeconds(10));
        Assert.Equal("stop", finish);
        Assert.Equal(2, (await chat.GetSessionAsync(new GetSessionRequest { Id = sessionId })).Messages.Count);
        var billed = Assert.Single(await host.UsageLedgerAsync(tenant));
        var report = await admin.Tenants.GetUsageAsync(new GetUsageRequest());
        Assert.Equal(0, report.ReservedUsd);
        Assert.Equal((double)billed.CostUsd, report.SpentUsd, 9);
        var ada = Assert.Single(report.Users);
        Assert.Equal(billed.PromptTokens + billed.CompletionTokens, ada.TokensToday);
        Assert.Equal(0, ada.TokensReserved);
        Assert.Equal(0, ada.ActiveStreams);
    }

    /// <summary>The finish reason of an answer to a new question, or null while the session is still busy with another.</summary>
    private static async Task<string?> TryAskAsync(ChatService.ChatServiceClient chat, string sessionId)
    {
        try
        {
            using var call = chat.SendMessage(new SendMessageRequest { SessionId = sessionId, Text = "And where are backups kept?" });
            var finish = (string?)null;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                finish = call.ResponseStream.Current.Finished?.FinishReason ?? finish;
            }

            return finish;
        }
        catch (RpcException busy) when (busy.StatusCode == StatusCode.FailedPrecondition)
        {
            return null;
        }
    }

    /// <summary>The front silo with a search index and a tenant reservation the tests can hold; the local model is priced, so answers cost money.</summary>
    public sealed class HeldChatHost : GatewayHost
    {
        public HeldChatHost()
            : this(new HeldSearchIndex(new InMemorySearchIndex()), new HeldReservations())
        {
        }

        private HeldChatHost(HeldSearchIndex index, HeldReservations reservations)
            : base(
                new Dictionary<string, string?>
                {
                    ["Chat:InputPricePerMillionTokens"] = "1000",
                    ["Chat:OutputPricePerMillionTokens"] = "1000",
                },
                services => services.AddSingleton<ISearchIndex>(index).AddSingleton<IIncomingGrainCallFilter>(reservations))
        {
            Index = index;
            Reservations = reservations;
        }

        public HeldSearchIndex Index { get; }

        public HeldReservations Reservations { get; }
    }
}
