using AdrPlatform.Domain.Quotas;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class UsageSnapshotTests
{
    [Fact]
    public void Reports_each_user_and_the_tenant_totals()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(0.03m);
        Reserve(ledger, "a1", T0, budget: budget);
        Accounting.Settle(ledger, "a1", 1_000, 500, budget, T0.AddSeconds(1)); // $0.002
        Reserve(ledger, "a2", T0.AddSeconds(10), budget: budget);
        Reserve(ledger, "b1", T0.AddSeconds(70), user: "bob", prompt: 100, maxOutput: 200, budget: budget);

        var usage = Accounting.Usage(ledger, budget, T0.AddSeconds(70));

        Assert.Equal<UserUsage>(
            [new UserUsage("alice", 0, 1_500, 2_000, 1), new UserUsage("bob", 1, 0, 300, 1)],
            usage.Users);
        Assert.Equal(0.002m, usage.SpentUsd);
        Assert.Equal(0.0035m, usage.ReservedUsd);
        Assert.Equal(0.03m, usage.BudgetUsd);
        Assert.Equal(6.67m, usage.PercentOfBudget);
        Assert.Equal(new DateOnly(2026, 3, 10), usage.Day);
        Assert.Equal(new DateOnly(2026, 3, 1), usage.Month);
        Assert.False(usage.KillSwitchTripped);
    }

    [Fact]
    public void Reading_usage_changes_nothing_and_ignores_expired_reservations()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "r", T0);
        var later = T0 + Lifetime;

        var usage = Accounting.Usage(ledger, Rich, later);

        Assert.Equal(0m, usage.ReservedUsd);
        Assert.Empty(usage.Users.Where(u => u.ActiveStreams > 0));
        Assert.True(ledger.OpenReservations.ContainsKey("r"));
        Assert.Equal(1, Accounting.ExpireReservations(ledger, later));
    }

    [Fact]
    public void A_zero_budget_has_no_percentage_and_refuses_anything_that_costs()
    {
        var ledger = new TenantLedger();
        var zero = new TenantBudget(0m);
        Assert.Null(Accounting.Usage(ledger, zero, T0).PercentOfBudget);
        Assert.StartsWith("Monthly budget", Refused(() => Reserve(ledger, "r", T0, budget: zero)), StringComparison.Ordinal);
        Reserve(ledger, "free", T0, price: new ModelPrice(0m, 0m), budget: zero);
    }
}
