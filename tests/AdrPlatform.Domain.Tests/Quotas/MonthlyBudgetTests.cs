using AdrPlatform.Domain.Quotas;
using AdrPlatform.Errors;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class MonthlyBudgetTests
{
    [Fact]
    public void A_thousand_sequential_attempts_never_reserve_beyond_the_budget_and_cheaper_settlements_make_room()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(1m);
        var accepted = new List<string>();
        for (var i = 0; i < 1_000; i++)
        {
            try
            {
                accepted.Add(Reserve(ledger, $"r{i}", T0, budget: budget).Id); // worst case $0.003 each
            }
            catch (AdrPlatformException e) when (e.Kind == ErrorKind.ResourceExhausted)
            {
            }

            var usage = Accounting.Usage(ledger, budget, T0);
            Assert.True(usage.SpentUsd + usage.ReservedUsd <= 1m, $"attempt {i}: {usage.ReservedUsd} reserved");
        }

        Assert.Equal(333, accepted.Count);
        Assert.Equal(0.999m, Accounting.Usage(ledger, budget, T0).ReservedUsd);

        // Each really used 1,000 prompt + 250 output tokens: $0.0015, half the worst case.
        foreach (var id in accepted)
        {
            Assert.Equal(0.0015m, Accounting.Settle(ledger, id, 1_000, 250, budget, T0).Cost);
        }

        Assert.Equal(0.4995m, ledger.SpentUsd);
        var more = 0;
        for (var i = 0; i < 1_000; i++)
        {
            try
            {
                Reserve(ledger, $"more{i}", T0, budget: budget);
                more++;
            }
            catch (AdrPlatformException e) when (e.Kind == ErrorKind.ResourceExhausted)
            {
            }
        }

        Assert.Equal(166, more); // floor(0.5005 / 0.003)
        var after = Accounting.Usage(ledger, budget, T0);
        Assert.Equal(0.4995m + 0.498m, after.SpentUsd + after.ReservedUsd);
    }

    [Fact]
    public void A_spent_budget_is_refused_saying_an_admin_can_raise_it()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(0.003m);
        Reserve(ledger, "r1", T0, budget: budget);
        Accounting.Settle(ledger, "r1", 1_000, 1_000, budget, T0);

        var message = Refused(() => Reserve(ledger, "r2", T0, budget: budget));
        Assert.Equal(
            "Monthly budget: $0.003 of $0.003 spent this month; the monthly budget is spent; an admin can raise it, " +
            "otherwise retry after 2026-04-01 00:00 UTC.",
            message);

        Reserve(ledger, "r2", T0, budget: new TenantBudget(0.006m));
    }

    [Fact]
    public void A_worst_case_above_what_is_left_asks_for_fewer_output_tokens()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(0.005m);
        Reserve(ledger, "r1", T0, budget: budget);
        Accounting.Settle(ledger, "r1", 1_000, 1_000, budget, T0);

        var message = Refused(() => Reserve(ledger, "r2", T0, budget: budget));
        Assert.Equal(
            "Monthly budget: only $0.002 of $0.005 is left this month and this request may cost up to $0.003; " +
            "ask for fewer output tokens, or an admin can raise the budget.",
            message);

        Reserve(ledger, "r2", T0, prompt: 1_000, maxOutput: 500, budget: budget); // exactly $0.002
    }

    [Fact]
    public void Money_reserved_by_open_streams_counts_and_the_hint_is_to_wait_for_them()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(0.005m);
        Reserve(ledger, "r1", T0, budget: budget);

        var message = Refused(() => Reserve(ledger, "r2", T0, budget: budget));
        Assert.Equal(
            "Monthly budget: $0.00 spent and $0.003 reserved by open streams of $0.005, and this request may cost up to $0.003; retry when a stream finishes.",
            message);

        Accounting.Settle(ledger, "r1", 100, 100, budget, T0);
        Reserve(ledger, "r2", T0, budget: budget);
    }
}
