using System.Text;
using AdrPlatform.Adapters.Chat;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>Budgets, quotas and usage through the real front silo; the local model is priced at $0.001 a token.</summary>
public class ChatBudgetApiTests(ChatBudgetApiTests.PricedLocalProvider host) : IClassFixture<ChatBudgetApiTests.PricedLocalProvider>
{
    [Fact]
    public async Task Requests_beyond_the_budget_are_refused_with_when_to_retry_and_usage_shows_the_spend()
    {
        var tenant = Rpc.Tenant();
        var admin = Clients.For(host, Transport.Grpc, tenant, "ada", "admin");
        var chat = new ChatService.ChatServiceClient(admin.Invoker);
        var adr = await admin.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use PostgreSQL", Body = "Tenant records are stored in PostgreSQL." });
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        await admin.UntilSearchableAsync(adr);

        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = 0.5 });
        var refused = await Rpc.FailsStreaming(StatusCode.ResourceExhausted, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "Where are tenant records stored?" }));
        Assert.Contains("budget", refused, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await chat.GetSessionAsync(new GetSessionRequest { Id = session.Id })).Messages);

        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = 50 });
        using (var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "Where are tenant records stored?" }))
        {
            var usage = (SendMessageResponse?)null;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                usage = call.ResponseStream.Current.EventCase == SendMessageResponse.EventOneofCase.Usage ? call.ResponseStream.Current : usage;
            }

            Assert.NotNull(usage);
            Assert.Equal((usage.Usage.PromptTokens + usage.Usage.CompletionTokens) * 0.001, usage.Usage.CostUsd, 6);
        }

        var report = await admin.Tenants.GetUsageAsync(new GetUsageRequest());
        Assert.True(report.SpentUsd > 0);
        Assert.Equal(0, report.ReservedUsd);
        Assert.Equal(50, report.BudgetUsd);
        var ada = Assert.Single(report.Users);
        Assert.Equal("ada", ada.User);
        Assert.True(ada.TokensToday > 0);
        Assert.Equal(0, ada.ActiveStreams);

        await admin.Tenants.SetQuotasAsync(new SetQuotasRequest { Quotas = new Quotas { RequestsPerMinute = 1, ConcurrentStreams = 5, TokensPerDay = 100_000 } });
        var limited = await Rpc.FailsStreaming(StatusCode.ResourceExhausted, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "And backups?" }));
        Assert.Contains("retry", limited, StringComparison.OrdinalIgnoreCase);
        await chat.DeleteSessionAsync(new DeleteSessionRequest { Id = session.Id });
        await Rpc.Fails(StatusCode.NotFound, () => chat.GetSessionAsync(new GetSessionRequest { Id = session.Id }));
    }

    [Fact]
    public async Task A_cancelled_stream_is_billed_for_what_it_streamed()
    {
        var tenant = Rpc.Tenant();
        var admin = Clients.For(host, Transport.Grpc, tenant, "ada", "admin");
        var chat = new ChatService.ChatServiceClient(admin.Invoker);
        var adr = await admin.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Caching", Body = "Redis caches sessions. Redis evicts old sessions. Redis runs in three zones. Redis is monitored closely." });
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        await admin.UntilSearchableAsync(adr);

        var seen = new StringBuilder();
        using var abort = new CancellationTokenSource();
        using (var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "How does redis handle sessions in zones and monitoring?" }, cancellationToken: abort.Token))
        {
            for (var deltas = 0; deltas < 2;)
            {
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                if (call.ResponseStream.Current.EventCase == SendMessageResponse.EventOneofCase.Delta)
                {
                    seen.Append(call.ResponseStream.Current.Delta);
                    deltas++;
                }
            }

            await abort.CancelAsync();
        }

        // The session remembers the answer after it is settled, so once it is there the ledger has the entry.
        var stored = await Eventually.HoldsAsync(
            () => chat.GetSessionAsync(new GetSessionRequest { Id = session.Id }).ResponseAsync, s => s.Messages.Count == 2, "the cancelled answer was not stored");
        var answer = stored.Messages[1];
        Assert.Equal("cancelled", answer.FinishReason);
        Assert.StartsWith(seen.ToString(), answer.Text, StringComparison.Ordinal); // the server may have streamed a delta the client no longer read

        var billed = Assert.Single(await host.UsageLedgerAsync(tenant));
        var counter = new TiktokenCounter();
        Assert.Equal(counter.Count(answer.Text), billed.CompletionTokens);
        Assert.True(billed.PromptTokens > 0);
        var report = await admin.Tenants.GetUsageAsync(new GetUsageRequest());
        Assert.Equal(0, report.ReservedUsd);
        Assert.Equal((billed.PromptTokens + billed.CompletionTokens) * 0.001, report.SpentUsd, 9);
        Assert.Equal(report.SpentUsd, (double)billed.CostUsd, 9);
    }

    [Fact]
    public async Task Only_admins_see_usage_and_change_limits_and_bad_values_are_refused()
    {
        var editor = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "ed", "editor");
        await Rpc.Fails(StatusCode.PermissionDenied, () => editor.Tenants.GetUsageAsync(new GetUsageRequest()));
        await Rpc.Fails(StatusCode.PermissionDenied, () => editor.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = 1 }));
        var admin = Clients.For(host, Transport.GrpcWeb, Rpc.Tenant(), "ada", "admin");
        await Rpc.Fails(StatusCode.InvalidArgument, () => admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = -1 }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = double.NaN }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => admin.Tenants.SetQuotasAsync(new SetQuotasRequest { Quotas = new Quotas { RequestsPerMinute = 0, ConcurrentStreams = 1, TokensPerDay = 1 } }));
        await Rpc.Fails(StatusCode.InvalidArgument, () => admin.Tenants.SetQuotasAsync(new SetQuotasRequest()));
        Assert.False((await admin.Tenants.ResetKillSwitchAsync(new ResetKillSwitchRequest())).WasTripped);
    }

    public sealed class PricedLocalProvider() : GatewayHost(new Dictionary<string, string?>
    {
        ["Chat:Models:default:InputPricePerMillionTokens"] = "1000",
        ["Chat:Models:default:OutputPricePerMillionTokens"] = "1000",
        ["Chat:Models:default:Providers:0:LocalWordInterval"] = "00:00:00.050",
    });
}
