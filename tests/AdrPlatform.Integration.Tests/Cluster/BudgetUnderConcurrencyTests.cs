using AdrPlatform.Errors;
using AdrPlatform.Grains;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>
/// A thousand chat requests at once against a small budget: the tenant grain is their single
/// writer and reserves each one's worst case, so together they can never spend beyond the budget.
/// </summary>
public class BudgetUnderConcurrencyTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    /// <summary>$1,000 per million tokens: $0.001 a token.</summary>
    private const decimal Price = 1_000m;

    [Fact]
    public async Task A_thousand_concurrent_requests_never_reserve_or_spend_beyond_the_budget()
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>("budget-" + Guid.NewGuid().ToString("N")[..8]);
        await tenant.SetUserQuotasAsync(100_000, 10_000, 1_000_000_000);
        await tenant.SetBudgetAsync(1.00m);

        // Worst case of each: 100 prompt + 100 output tokens = $0.20, so at most five fit in $1.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 1_000).Select(async i =>
        {
            var id = $"r{i}";
            try
            {
                await tenant.ReserveChatAsync($"user{i % 10}", id, 100, 100, Price, Price, CancellationToken.None);
                return id;
            }
            catch (AdrPlatformException error) when (error.Kind == ErrorKind.ResourceExhausted)
            {
                Assert.Contains("budget", error.Message, StringComparison.OrdinalIgnoreCase);
                return null;
            }
        }));
        var reserved = attempts.OfType<string>().ToList();
        Assert.Equal(5, reserved.Count);
        var usage = await tenant.GetUsageAsync();
        Assert.True(usage.SpentUsd + usage.ReservedUsd <= 1.00m);

        // Real usage is lower (100 prompt + 20 completion = $0.12 each): settling frees the difference, once.
        foreach (var id in reserved)
        {
            Assert.Equal(0.12m, await tenant.SettleChatAsync(id, 100, 20));
            Assert.Equal(0m, await tenant.SettleChatAsync(id, 100, 20));
        }

        usage = await tenant.GetUsageAsync();
        Assert.Equal(0.60m, usage.SpentUsd);
        Assert.Equal(0m, usage.ReservedUsd);
        Assert.Empty(usage.AlertsRaised); // 60 % spent: below the first alert at 70 %

        var more = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            try
            {
                await tenant.ReserveChatAsync("late", $"late{i}", 100, 100, Price, Price, CancellationToken.None);
                return true;
            }
            catch (AdrPlatformException)
            {
                return false;
            }
        }));
        Assert.Equal(2, more.Count(ok => ok));
        usage = await tenant.GetUsageAsync();
        Assert.True(usage.SpentUsd + usage.ReservedUsd <= 1.00m);
    }
}
