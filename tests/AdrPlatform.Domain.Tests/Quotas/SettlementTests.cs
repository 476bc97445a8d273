using AdrPlatform.Domain.Quotas;
using AdrPlatform.Errors;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class SettlementTests
{
    [Fact]
    public void Settling_releases_exactly_what_that_reservation_held_and_charges_the_real_usage()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "a", T0, prompt: 1_000, maxOutput: 1_000);          // 2,000 tokens, $0.003
        Reserve(ledger, "b", T0, prompt: 3_000, maxOutput: 4_000);          // 7,000 tokens, $0.011
        Reserve(ledger, "c", T0, user: "bob", prompt: 500, maxOutput: 500); // 1,000 tokens, $0.0015

        var settlement = Accounting.Settle(ledger, "b", 2_900, 1_234, Rich, T0.AddSeconds(5));

        Assert.Equal(SettlementOutcome.Charged, settlement.Outcome);
        Assert.Equal(4_134, settlement.Tokens);
        Assert.Equal(0.005368m, settlement.Cost); // 2,900 × $1/M + 1,234 × $2/M
        var usage = Accounting.Usage(ledger, Rich, T0.AddSeconds(5));
        Assert.Equal(0.0045m, usage.ReservedUsd);
        Assert.Equal(0.005368m, usage.SpentUsd);
        var alice = usage.Users.Single(u => u.User == "alice");
        Assert.Equal(2_000, alice.TokensReserved);
        Assert.Equal(4_134, alice.TokensToday);
        Assert.Equal(1, alice.ActiveStreams);
        Assert.Equal(new UserUsage("bob", 1, 0, 1_000, 1), usage.Users.Single(u => u.User == "bob"));
    }

    [Fact]
    public void Settling_twice_charges_once()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "r", T0);
        Accounting.Settle(ledger, "r", 1_000, 500, Rich, T0);

        var again = Accounting.Settle(ledger, "r", 1_000, 500, Rich, T0.AddSeconds(1));

        Assert.Equal(SettlementOutcome.AlreadySettled, again.Outcome);
        Assert.Equal(0m, again.Cost);
        Assert.Equal(0.002m, ledger.SpentUsd);
        Assert.Equal(1_500, ledger.TokensToday["alice"]);
    }

    [Fact]
    public void An_unknown_id_is_not_charged()
    {
        var ledger = new TenantLedger();
        var settlement = Accounting.Settle(ledger, "never-reserved", 1_000, 1_000, Rich, T0);
        Assert.Equal(SettlementOutcome.Unknown, settlement.Outcome);
        Assert.Equal(0m, ledger.SpentUsd);
        Assert.Empty(ledger.TokensToday);
    }

    [Fact]
    public void Real_usage_above_the_reserved_worst_case_is_charged_in_full()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "r", T0, prompt: 1_000, maxOutput: 1_000);
        var settlement = Accounting.Settle(ledger, "r", 1_200, 3_000, Rich, T0);
        Assert.Equal(0.0072m, settlement.Cost);
        Assert.Equal(4_200, ledger.TokensToday["alice"]);
    }

    [Fact]
    public void A_reservation_id_cannot_be_reused_while_it_is_remembered()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "r", T0);
        var open = Assert.Throws<AdrPlatformException>(() => Reserve(ledger, "r", T0));
        Assert.Equal(ErrorKind.AlreadyExists, open.Kind);

        Accounting.Settle(ledger, "r", 1, 1, Rich, T0);
        Assert.Equal(ErrorKind.AlreadyExists, Assert.Throws<AdrPlatformException>(() => Reserve(ledger, "r", T0)).Kind);
    }

    [Fact]
    public void Negative_token_counts_are_invalid()
    {
        var error = Assert.Throws<AdrPlatformException>(() => Reserve(new TenantLedger(), "r", T0, maxOutput: -1));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Throws<ArgumentOutOfRangeException>(() => Accounting.Settle(new TenantLedger(), "r", -1, 0, Rich, T0));
    }
}
