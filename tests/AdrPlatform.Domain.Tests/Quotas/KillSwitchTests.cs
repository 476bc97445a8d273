using AdrPlatform.Domain.Quotas;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class KillSwitchTests
{
    private static readonly TenantBudget Hundred = new(100m);

    /// <summary>A stream reserved $100 but really used $110 (the provider ignored max tokens).</summary>
    private static TenantLedger Overrun(out Settlement settlement)
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "big", T0, prompt: 0, maxOutput: 100, price: DollarPerToken, budget: Hundred);
        settlement = Accounting.Settle(ledger, "big", 0, 110, Hundred, T0);
        return ledger;
    }

    [Fact]
    public void Real_spend_at_110_percent_trips_it_and_every_reservation_is_refused()
    {
        var ledger = Overrun(out var settlement);

        Assert.True(settlement.KillSwitchTripped);
        Assert.Equal<int>([70, 85, 95], settlement.NewAlerts);
        var message = Refused(() => Reserve(ledger, "r", T0.AddHours(1), prompt: 1, maxOutput: 0, budget: Rich));
        Assert.Equal(
            "Spending is stopped: this month's spend $110.00 reached 110 % of the monthly budget $1000000.00 " +
            "(kill switch tripped 2026-03-10 12:00:00 UTC). An admin can reset it; otherwise it clears 2026-04-01 00:00 UTC (in 21 d 11 h).",
            message);
        Assert.True(Accounting.Usage(ledger, Hundred, T0).KillSwitchTripped);
    }

    [Fact]
    public void Just_under_110_percent_does_not_trip_and_the_charge_that_reaches_it_trips_once()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(1_000m);
        Reserve(ledger, "a", T0, prompt: 0, maxOutput: 1_000, price: DollarPerToken, budget: budget);
        Assert.False(Accounting.Settle(ledger, "a", 0, 1_099, budget, T0).KillSwitchTripped); // 109.9 %

        var big = new TenantBudget(2_000m);
        Reserve(ledger, "b", T0, prompt: 0, maxOutput: 10, price: DollarPerToken, budget: big);
        Reserve(ledger, "c", T0, prompt: 0, maxOutput: 10, price: DollarPerToken, budget: big);
        Assert.True(Accounting.Settle(ledger, "b", 0, 1, budget, T0).KillSwitchTripped);   // 110.0 %
        Assert.False(Accounting.Settle(ledger, "c", 0, 5, budget, T0).KillSwitchTripped);  // already tripped
        Assert.Equal(T0, ledger.KillSwitchTrippedAt);
    }

    [Fact]
    public void A_budget_lowered_below_spend_in_flight_trips_it_at_settlement()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "r", T0, prompt: 0, maxOutput: 50, price: DollarPerToken, budget: Hundred);
        Assert.True(Accounting.Settle(ledger, "r", 0, 50, new TenantBudget(40m), T0).KillSwitchTripped);
    }

    [Fact]
    public void An_admin_reset_with_a_raised_budget_lets_requests_through()
    {
        var ledger = Overrun(out _);
        var raised = new TenantBudget(200m);
        Refused(() => Reserve(ledger, "r", T0, prompt: 0, maxOutput: 10, price: DollarPerToken, budget: raised));

        Assert.True(Accounting.ResetKillSwitch(ledger, T0.AddMinutes(1)));
        Assert.False(Accounting.ResetKillSwitch(ledger, T0.AddMinutes(1)));
        Reserve(ledger, "r", T0.AddMinutes(2), prompt: 0, maxOutput: 10, price: DollarPerToken, budget: raised);
        Assert.False(Accounting.Settle(ledger, "r", 0, 10, raised, T0.AddMinutes(3)).KillSwitchTripped); // $120 of $200
    }

    [Fact]
    public void A_reset_without_a_raised_budget_leaves_the_budget_check_and_the_next_charge_over_the_line_trips_again()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "first", T0, prompt: 0, maxOutput: 60, price: DollarPerToken, budget: Hundred);
        Reserve(ledger, "inflight", T0, prompt: 0, maxOutput: 40, price: DollarPerToken, budget: Hundred);
        Assert.True(Accounting.Settle(ledger, "first", 0, 115, Hundred, T0).KillSwitchTripped);

        Accounting.ResetKillSwitch(ledger, T0.AddMinutes(1));
        Assert.Contains("the monthly budget is spent; an admin can raise it", Refused(() => Reserve(ledger, "r", T0.AddMinutes(1), budget: Hundred)), StringComparison.Ordinal);

        var late = Accounting.Settle(ledger, "inflight", 0, 1, Hundred, T0.AddMinutes(2));
        Assert.True(late.KillSwitchTripped);
        Assert.StartsWith("Spending is stopped", Refused(() => Reserve(ledger, "r", T0.AddMinutes(3), budget: Rich)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_next_UTC_month_clears_it()
    {
        var ledger = Overrun(out _);
        var lastSecond = new DateTimeOffset(2026, 3, 31, 23, 59, 59, TimeSpan.Zero);
        Assert.EndsWith("clears 2026-04-01 00:00 UTC (in 1 s).", Refused(() => Reserve(ledger, "r", lastSecond, budget: Hundred)), StringComparison.Ordinal);

        var april = lastSecond.AddSeconds(1);
        Reserve(ledger, "r", april, budget: Hundred);
        var usage = Accounting.Usage(ledger, Hundred, april);
        Assert.False(usage.KillSwitchTripped);
        Assert.Equal(0m, usage.SpentUsd);
        Assert.Null(ledger.KillSwitchTrippedAt);
    }
}
