using AdrPlatform.Domain.Quotas;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class CalendarBoundaryTests
{
    private static readonly UserQuotas TenThousand = Unlimited with { TokensPerDay = 10_000 };

    private static void Use(TenantLedger ledger, string id, int tokens, DateTimeOffset now)
    {
        Reserve(ledger, id, now, prompt: tokens, maxOutput: 0, quotas: TenThousand);
        Accounting.Settle(ledger, id, tokens, 0, Rich, now);
    }

    [Fact]
    public void The_day_is_the_UTC_day_whatever_offset_the_time_is_given_in()
    {
        var ledger = new TenantLedger();
        Use(ledger, "u1", 10_000, T0);

        // 01:30 on the 11th in UTC+2 is still 23:30 on the 10th in UTC.
        var stillTenth = new DateTimeOffset(2026, 3, 11, 1, 30, 0, TimeSpan.FromHours(2));
        Assert.Contains("retry tomorrow 00:00 UTC (2026-03-11, in 30 min)", Refused(() => Reserve(ledger, "r", stillTenth, prompt: 1, maxOutput: 0, quotas: TenThousand)), StringComparison.Ordinal);

        // 19:00 on the 10th in UTC-5 is already midnight on the 11th in UTC.
        var eleventh = new DateTimeOffset(2026, 3, 10, 19, 0, 0, TimeSpan.FromHours(-5));
        Use(ledger, "u2", 10_000, eleventh);
        Assert.Equal(new DateOnly(2026, 3, 11), Accounting.Usage(ledger, Rich, eleventh).Day);
    }

    [Fact]
    public void The_month_is_the_UTC_month_and_a_new_one_starts_with_nothing_spent()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(100m);
        Spend(ledger, "m1", 40, budget, new DateTimeOffset(2026, 3, 31, 23, 59, 59, TimeSpan.Zero));
        var stillMarch = new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(40m, Accounting.Usage(ledger, budget, stillMarch).SpentUsd);

        var april = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var usage = Accounting.Usage(ledger, budget, april);
        Assert.Equal(0m, usage.SpentUsd);
        Assert.Equal(new DateOnly(2026, 4, 1), usage.Month);
        Spend(ledger, "a1", 5, budget, april);
        Assert.Equal(5m, ledger.SpentUsd);
        Assert.Equal(new DateOnly(2026, 4, 1), ledger.Month);
    }

    [Fact]
    public void A_stream_that_spans_midnight_is_charged_to_the_day_and_month_it_settles_in()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(100m);
        var before = new DateTimeOffset(2026, 3, 31, 23, 59, 30, TimeSpan.Zero);
        Spend(ledger, "march", 30, budget, before);
        Reserve(ledger, "spanning", before, prompt: 0, maxOutput: 20, price: DollarPerToken, budget: budget);
        Assert.Equal(20m, Accounting.Usage(ledger, budget, before).ReservedUsd);

        var after = before.AddMinutes(1);
        Assert.Equal(20m, Accounting.Usage(ledger, budget, after).ReservedUsd); // still held in the new month
        Accounting.Settle(ledger, "spanning", 0, 12, budget, after);

        var usage = Accounting.Usage(ledger, budget, after);
        Assert.Equal(12m, usage.SpentUsd);
        Assert.Equal(12, usage.Users.Single().TokensToday);
        Assert.Equal(new DateOnly(2026, 4, 1), usage.Day);
    }

    [Fact]
    public void The_year_rolls_over_in_december()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(100m);
        Spend(ledger, "dec", 90, budget, new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero));
        Spend(ledger, "jan", 10, budget, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 1), ledger.Month);
        Assert.Equal(10m, ledger.SpentUsd);
    }

    [Fact]
    public void A_clock_that_steps_back_rolls_nothing_back()
    {
        var ledger = new TenantLedger();
        var eleventh = new DateTimeOffset(2026, 3, 11, 0, 0, 5, TimeSpan.Zero);
        Use(ledger, "u1", 4_000, eleventh);
        Use(ledger, "u2", 4_000, eleventh.AddSeconds(-10)); // another silo, slightly behind
        Assert.Equal(new DateOnly(2026, 3, 11), ledger.Day);
        Assert.Equal(8_000, ledger.TokensToday["alice"]);
    }
}
