using AdrPlatform.Domain.Quotas;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class BudgetAlertTests
{
    private static readonly TenantBudget Hundred = new(100m);

    [Fact]
    public void Each_threshold_fires_once_when_spend_reaches_it()
    {
        var ledger = new TenantLedger();
        Assert.Empty(Spend(ledger, "s1", 69, Hundred, T0).NewAlerts);
        Assert.Equal<int>([70], Spend(ledger, "s2", 1, Hundred, T0).NewAlerts);
        Assert.Empty(Spend(ledger, "s3", 14, Hundred, T0).NewAlerts); // 84
        Assert.Equal<int>([85], Spend(ledger, "s4", 6, Hundred, T0).NewAlerts); // 90
        Assert.Equal<int>([95], Spend(ledger, "s5", 5, Hundred, T0).NewAlerts); // 95
        Assert.Empty(Spend(ledger, "s6", 5, Hundred, T0).NewAlerts); // 100
        Assert.Equal<int>([70, 85, 95], ledger.AlertsRaised);
    }

    [Fact]
    public void A_jump_across_several_thresholds_returns_them_in_ascending_order()
    {
        var ledger = new TenantLedger();
        Spend(ledger, "s1", 10, Hundred, T0);
        var settlement = Spend(ledger, "s2", 86, Hundred, T0);
        Assert.Equal<int>([70, 85, 95], settlement.NewAlerts);
        Assert.False(settlement.KillSwitchTripped);
    }

    [Fact]
    public void Alerts_reset_at_the_next_UTC_month_and_fire_again()
    {
        var ledger = new TenantLedger();
        Spend(ledger, "march", 96, Hundred, T0);
        var april = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Empty(Accounting.Usage(ledger, Hundred, april).AlertsRaised);
        Assert.Empty(Spend(ledger, "april1", 50, Hundred, april).NewAlerts);
        Assert.Equal<int>([70], Spend(ledger, "april2", 20, Hundred, april).NewAlerts);
    }

    [Fact]
    public void Alerts_are_judged_against_the_budget_given_at_settlement()
    {
        var ledger = new TenantLedger();
        Spend(ledger, "s1", 80, new TenantBudget(200m), T0); // 40 %
        Assert.Empty(ledger.AlertsRaised);
        Assert.Equal<int>([70, 85], Spend(ledger, "s2", 10, Hundred, T0).NewAlerts); // 90 of 100
    }

    [Fact]
    public void Reservations_alone_raise_no_alert()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "held", T0, prompt: 0, maxOutput: 99, price: DollarPerToken, budget: Hundred);
        Assert.Empty(Spend(ledger, "tiny", 1, new TenantBudget(1_000m), T0).NewAlerts);
        Assert.Empty(ledger.AlertsRaised);
    }
}
