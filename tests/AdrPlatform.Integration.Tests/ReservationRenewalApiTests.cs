using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>
/// An answer that streams for several reservation lifetimes keeps its reservation (its session renews it), so a
/// request that would pass the budget beside it is refused for as long as it streams.
/// </summary>
public class ReservationRenewalApiTests(ReservationRenewalApiTests.ShortReservations host) : IClassFixture<ReservationRenewalApiTests.ShortReservations>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task A_long_answer_holds_its_budget_past_the_reservation_lifetime_and_nobody_passes_the_budget_beside_it()
    {
        var admin = Clients.For(host, Transport.Grpc, Rpc.Tenant(), "ada", "admin");
        var chat = new ChatService.ChatServiceClient(admin.Invoker);
        var adr = await admin.Adrs.CreateAdrAsync(new CreateAdrRequest
        {
            Title = "Caching",
            Body = string.Join(' ', Enumerable.Range(1, 12).Select(i => $"Redis keeps session group {i} warm in zone {i % 3}.")),
        });
        var first = await chat.CreateSessionAsync(new CreateSessionRequest());
        var second = await chat.CreateSessionAsync(new CreateSessionRequest());
        await admin.UntilSearchableAsync(adr);

        using var longAnswer = chat.SendMessage(new SendMessageRequest { SessionId = first.Id, Text = "How does redis keep session groups warm in zones?" });
        Assert.True(await longAnswer.ResponseStream.MoveNext(CancellationToken.None));
        var held = (await admin.Tenants.GetUsageAsync(new GetUsageRequest())).ReservedUsd;
        Assert.True(held > 0, "the answer holds a reservation");
        await admin.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = held * 1.5 });

        await Task.Delay(Lifetime * 3);

        var usage = await admin.Tenants.GetUsageAsync(new GetUsageRequest());
        Assert.Equal(held, usage.ReservedUsd, 6);
        Assert.Equal(1, Assert.Single(usage.Users).ActiveStreams);
        var refused = await Rpc.FailsStreaming(StatusCode.ResourceExhausted, () => chat.SendMessage(new SendMessageRequest { SessionId = second.Id, Text = "How does redis keep session groups warm in zones?" }));
        Assert.Contains("budget", refused, StringComparison.OrdinalIgnoreCase);

        var finish = "";
        while (await longAnswer.ResponseStream.MoveNext(CancellationToken.None))
        {
            finish = longAnswer.ResponseStream.Current.Finished?.FinishReason ?? finish;
        }

        Assert.Equal("stop", finish);
        var after = await admin.Tenants.GetUsageAsync(new GetUsageRequest());
        Assert.Equal(0, after.ReservedUsd);
        Assert.True(after.SpentUsd <= after.BudgetUsd, $"spent {after.SpentUsd} of a {after.BudgetUsd} budget");
    }

    public sealed class ShortReservations() : GatewayHost(new Dictionary<string, string?>
    {
        ["Chat:Models:default:InputPricePerMillionTokens"] = "1000",
        ["Chat:Models:default:OutputPricePerMillionTokens"] = "1000",
        ["Chat:ReservationLifetime"] = "00:00:01.500",
        ["Chat:Models:default:Providers:0:LocalWordInterval"] = "00:00:00.300",
    });
}
