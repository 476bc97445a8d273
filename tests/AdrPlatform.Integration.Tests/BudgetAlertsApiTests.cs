using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>Admins watching WatchAlerts see budget thresholds as answers are settled.</summary>
public class BudgetAlertsApiTests(BudgetAlertsApiTests.ShortAnswers host) : IClassFixture<BudgetAlertsApiTests.ShortAnswers>
{
    /// <summary>An admin of a fresh tenant with one searchable ADR to ground answers in.</summary>
    private async Task<(Clients Admin, ChatService.ChatServiceClient Chat)> TenantWithOneAdrAsync(Transport transport)
    {
        var admin = Clients.For(host, transport, Rpc.Tenant(), "ada", "admin");
        var adr = await admin.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use PostgreSQL", Body = "Tenant records are stored in PostgreSQL." });
        await admin.UntilSearchableAsync(adr);
        return (admin, new ChatService.ChatServiceClient(admin.Invoker));
    }

    private static async Task<AsyncServerStreamingCall<WatchAlertsResponse>> WatchAlertsAsync(Clients admin)
    {
        var watch = admin.Tenants.WatchAlerts(new WatchAlertsRequest());
        await Task.Delay(200); // the watcher is registered before spending starts
        return watch;
    }

    private const string Question = "Where are tenant records stored?";

    [Theory]
    [InlineData(Transport.Grpc)]
    [InlineData(Transport.GrpcWeb)]
    public async Task Watchers_see_budget_alerts_as_answers_are_settled(Transport transport)
    {
        var (admin, chat) = await TenantWithOneAdrAsync(transport);
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        using var watch = await WatchAlertsAsync(admin);

        // The first answer's cost sets a budget that the second answer fits in but takes past 70 %.
        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = 10 });
        var firstCost = await Cost(chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = Question }));
        var budget = Math.Round((2 * firstCost) + 0.03, 2);
        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = budget });
        var fresh = await chat.CreateSessionAsync(new CreateSessionRequest()); // no history: the same prompt, the same cost
        await Cost(chat.SendMessage(new SendMessageRequest { SessionId = fresh.Id, Text = Question }));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        var alert = watch.ResponseStream.Current;
        Assert.Equal(70, alert.Percent);
        Assert.Equal(budget, alert.BudgetUsd, 6);
        Assert.InRange(alert.SpentUsd, budget * 0.7, budget);
        Assert.False(alert.KillSwitch);
        var usage = await admin.Tenants.GetUsageAsync(new GetUsageRequest());
        Assert.True(usage.SpentUsd <= budget, $"spent {usage.SpentUsd} of {budget}");
        Assert.Contains(70, usage.AlertsRaised);
        await Rpc.FailsStreaming(StatusCode.ResourceExhausted, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = Question }));
    }

    [Theory]
    [InlineData(Transport.Grpc)]
    [InlineData(Transport.GrpcWeb)]
    public async Task Watchers_see_85_and_95_percent_and_the_kill_switch_which_holds_until_an_admin_resets_it(Transport transport)
    {
        var (admin, chat) = await TenantWithOneAdrAsync(transport);
        using var watch = await WatchAlertsAsync(admin);
        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = 10 });
        var answerCost = await Cost(chat.SendMessage(new SendMessageRequest { SessionId = (await chat.CreateSessionAsync(new CreateSessionRequest())).Id, Text = Question }));

        await AnswerSettlingAtAsync(admin, chat, answerCost, shareOfBudget: 0.90);
        Assert.Equal((70, false), await NextAlertAsync(watch));
        Assert.Equal((85, false), await NextAlertAsync(watch));
        await AnswerSettlingAtAsync(admin, chat, answerCost, shareOfBudget: 1.00);
        Assert.Equal((95, false), await NextAlertAsync(watch));
        await AnswerSettlingAtAsync(admin, chat, answerCost, shareOfBudget: 1.20);
        Assert.Equal((110, true), await NextAlertAsync(watch));
        Assert.True((await admin.Tenants.GetUsageAsync(new GetUsageRequest())).KillSwitchTripped);

        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = 10 }); // room in the budget does not lift the kill switch
        var afterTrip = await chat.CreateSessionAsync(new CreateSessionRequest());
        var stopped = await Rpc.FailsStreaming(StatusCode.ResourceExhausted, () => chat.SendMessage(new SendMessageRequest { SessionId = afterTrip.Id, Text = Question }));
        Assert.Contains("Spending is stopped", stopped, StringComparison.Ordinal);
        Assert.True((await admin.Tenants.ResetKillSwitchAsync(new ResetKillSwitchRequest())).WasTripped);
        Assert.False((await admin.Tenants.GetUsageAsync(new GetUsageRequest())).KillSwitchTripped);
        Assert.Equal(answerCost, await Cost(chat.SendMessage(new SendMessageRequest { SessionId = afterTrip.Id, Text = Question })), 9);
    }

    private static async Task<double> Cost(AsyncServerStreamingCall<SendMessageResponse> call)
    {
        using (call)
        {
            var cost = 0.0;
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                cost = call.ResponseStream.Current.Usage?.CostUsd ?? cost;
            }

            return cost;
        }
    }

    /// <summary>
    /// Reserves one more answer under a roomy budget, then, while it streams, lowers the budget so that its settlement
    /// brings the month's spend to <paramref name="shareOfBudget"/> of it: the way real spend overshoots a budget.
    /// </summary>
    private static async Task AnswerSettlingAtAsync(Clients admin, ChatService.ChatServiceClient chat, double answerCost, double shareOfBudget)
    {
        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = 10 });
        var session = await chat.CreateSessionAsync(new CreateSessionRequest()); // no history: the same prompt, the same cost
        using var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = Question });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(SendMessageResponse.EventOneofCase.Started, call.ResponseStream.Current.EventCase);
        var spentBefore = (await admin.Tenants.GetUsageAsync(new GetUsageRequest())).SpentUsd;
        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = Math.Round((spentBefore + answerCost) / shareOfBudget, 9) });
        Assert.True((await admin.Tenants.GetUsageAsync(new GetUsageRequest())).ReservedUsd > 0, "the answer settled before the budget was lowered");
        Assert.Equal(answerCost, await Cost(call), 9);
    }

    private static async Task<(int Percent, bool KillSwitch)> NextAlertAsync(AsyncServerStreamingCall<WatchAlertsResponse> watch)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
        return (watch.ResponseStream.Current.Percent, watch.ResponseStream.Current.KillSwitch);
    }

    /// <summary>Answers of at most 20 tokens at $0.001 a token, so a few answers move the budget; a word every 100 ms, so a test can act while one streams.</summary>
    public sealed class ShortAnswers() : GatewayHost(new Dictionary<string, string?>
    {
        ["Chat:Models:default:InputPricePerMillionTokens"] = "1000",
        ["Chat:Models:default:OutputPricePerMillionTokens"] = "1000",
        ["Chat:MaxOutputTokens"] = "20",
        // Slow enough that the test lowers the budget while an answer streams, even on a loaded machine (100 ms lost that race once in CI).
        ["Chat:Models:default:Providers:0:LocalWordInterval"] = "00:00:00.250",
    });
}
