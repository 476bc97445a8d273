using AdrPlatform.Domain.Quotas;

namespace AdrPlatform.Domain.Tests.Quotas;

public class ModelPriceTests
{
    [Fact]
    public void Cost_prices_prompt_and_completion_tokens_apart_per_million()
    {
        // 1,000 × $3/M + 500 × $15/M = $0.003 + $0.0075
        Assert.Equal(0.0105m, new ModelPrice(3m, 15m).Cost(1_000, 500));
    }

    [Fact]
    public void A_million_of_each_costs_the_two_prices_added()
    {
        Assert.Equal(12.5m, new ModelPrice(2.5m, 10m).Cost(1_000_000, 1_000_000));
    }

    [Fact]
    public void Single_tokens_are_priced_exactly_without_rounding()
    {
        Assert.Equal(0.00000075m, new ModelPrice(0.15m, 0.6m).Cost(1, 1));
        Assert.Equal(0.00000015m, new ModelPrice(0.15m, 0.6m).Cost(1, 0));
    }

    [Fact]
    public void No_tokens_cost_nothing_and_the_largest_counts_do_not_overflow()
    {
        Assert.Equal(0m, new ModelPrice(3m, 15m).Cost(0, 0));
        Assert.Equal(4294.967294m, new ModelPrice(1m, 1m).Cost(int.MaxValue, int.MaxValue));
    }

    [Fact]
    public void Negative_token_counts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelPrice(1m, 1m).Cost(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelPrice(1m, 1m).Cost(0, -1));
    }

    [Fact]
    public void A_reservation_holds_the_worst_case_at_its_price()
    {
        var reservation = QuotaFixture.Reserve(new TenantLedger(), "r1", QuotaFixture.T0, prompt: 1_000, maxOutput: 1_000);
        Assert.Equal(0.003m, reservation.ReservedCost);
        Assert.Equal(2_000, reservation.ReservedTokens);
        Assert.Equal(QuotaFixture.T0 + QuotaFixture.Lifetime, reservation.ExpiresAt);
    }
}
