using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>Admins watching WatchAlerts see budget thresholds as answers are settled.</summary>
public class BudgetAlertsApiTests(BudgetAlertsApiTests.ShortAnswers host) : IClassFixture<BudgetAlertsApiTests.ShortAnswers>
{
    [Theory]
    [InlineData(Transport.Grpc)]
    [InlineData(Transport.GrpcWeb)]
    public async Task Watchers_see_budget_alerts_as_answers_are_settled(Transport transport)
    {
        var admin = Clients.For(host, transport, Rpc.Tenant(), "ada", "admin");
        var chat = new ChatService.ChatServiceClient(admin.Invoker);
        await admin.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use PostgreSQL", Body = "Tenant records are stored in PostgreSQL." });
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        await Task.Delay(300);

        using var watch = admin.Tenants.WatchAlerts(new WatchAlertsRequest());
        await Task.Delay(200); // the watcher is registered before spending starts

        // The first answer's cost sets a budget that the second answer fits in but takes past 70 %.
        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = 10 });
        var firstCost = await Cost(chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "Where are tenant records stored?" }));
        var budget = Math.Round((2 * firstCost) + 0.03, 2);
        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = budget });
        var fresh = await chat.CreateSessionAsync(new CreateSessionRequest()); // no history: the same prompt, the same cost
        await Cost(chat.SendMessage(new SendMessageRequest { SessionId = fresh.Id, Text = "Where are tenant records stored?" }));

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
        await Rpc.FailsStreaming(StatusCode.ResourceExhausted, () => chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "Where are tenant records stored?" }));
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

    /// <summary>Answers of at most 20 tokens at $0.001 a token, so a few answers move the budget.</summary>
    public sealed class ShortAnswers() : GatewayHost(new Dictionary<string, string?>
    {
        ["Chat:InputPricePerMillionTokens"] = "1000",
        ["Chat:OutputPricePerMillionTokens"] = "1000",
        ["Chat:MaxOutputTokens"] = "20",
        ["Chat:Provider:LocalWordInterval"] = "00:00:00.001",
    });
}
