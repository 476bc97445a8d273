using AdrPlatform.Domain.Quotas;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class ExpiryTests
{
    private static readonly UserQuotas OneStream = Unlimited with { ConcurrentStreams = 1 };

    [Fact]
    public void Expiry_releases_the_stream_slot_and_the_reserved_money_at_the_expiry_instant()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(0.004m);
        Reserve(ledger, "dead", T0, quotas: OneStream, budget: budget);
        var expiresAt = T0 + Lifetime;

        Assert.Equal(0, Accounting.ExpireReservations(ledger, expiresAt.AddTicks(-1)));
        Assert.Equal(1, Accounting.ExpireReservations(ledger, expiresAt));
        Assert.Equal(0, Accounting.ExpireReservations(ledger, expiresAt));

        var usage = Accounting.Usage(ledger, budget, expiresAt);
        Assert.Equal(0m, usage.ReservedUsd);
        Assert.Equal(0m, usage.SpentUsd);
        Reserve(ledger, "next", expiresAt, quotas: OneStream, budget: budget);
    }

    [Fact]
    public void Reserve_releases_expired_reservations_first()
    {
        var ledger = new TenantLedger();
        var budget = new TenantBudget(0.003m);
        Reserve(ledger, "dead", T0, quotas: OneStream, budget: budget);
        Assert.StartsWith("Too many concurrent streams", Refused(() => Reserve(ledger, "r", T0.AddMinutes(4), quotas: OneStream, budget: budget)), StringComparison.Ordinal);

        var next = Reserve(ledger, "r", T0.AddMinutes(5), quotas: OneStream, budget: budget);
        Assert.Equal("r", next.Id);
    }

    [Fact]
    public void An_expired_reservation_settled_late_is_charged_its_real_usage_once()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "slow", T0);
        Accounting.ExpireReservations(ledger, T0.AddMinutes(6));
        Reserve(ledger, "other", T0.AddMinutes(7));

        var late = Accounting.Settle(ledger, "slow", 1_000, 800, Rich, T0.AddMinutes(10));
        Assert.Equal(SettlementOutcome.ChargedLate, late.Outcome);
        Assert.Equal(0.0026m, late.Cost);

        var again = Accounting.Settle(ledger, "slow", 1_000, 800, Rich, T0.AddMinutes(11));
        Assert.Equal(SettlementOutcome.AlreadySettled, again.Outcome);

        var usage = Accounting.Usage(ledger, Rich, T0.AddMinutes(11));
        Assert.Equal(0.0026m, usage.SpentUsd);
        Assert.Equal(0.003m, usage.ReservedUsd); // "other" is untouched
        Assert.Equal(1_800, usage.Users.Single().TokensToday);
    }

    [Fact]
    public void A_settlement_that_arrives_after_expiry_without_a_sweep_is_still_charged_once()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "slow", T0);
        var late = Accounting.Settle(ledger, "slow", 1_000, 1_000, Rich, T0 + Lifetime);
        Assert.Equal(SettlementOutcome.ChargedLate, late.Outcome);
        Assert.Equal(0.003m, ledger.SpentUsd);
    }

    [Fact]
    public void After_the_late_settlement_window_an_expired_reservation_is_unknown_and_not_charged()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "lost", T0);
        var tooLate = T0 + Lifetime + Accounting.LateSettlementWindow;

        Assert.Equal(SettlementOutcome.Unknown, Accounting.Settle(ledger, "lost", 1_000, 1_000, Rich, tooLate).Outcome);
        Assert.Equal(0m, ledger.SpentUsd);
        Assert.Empty(ledger.ExpiredReservations);
    }

    [Fact]
    public void Only_the_most_recent_settled_ids_are_remembered_and_a_forgotten_repeat_still_charges_nothing()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "r", T0);
        Accounting.Settle(ledger, "r", 1_000, 1_000, Rich, T0);
        for (var i = 0; i < Accounting.RecentlySettledLimit; i++)
        {
            Reserve(ledger, $"n{i}", T0.AddSeconds(1), prompt: 0, maxOutput: 0);
            Accounting.Settle(ledger, $"n{i}", 0, 0, Rich, T0.AddSeconds(1));
        }

        Assert.Equal(Accounting.RecentlySettledLimit, ledger.RecentlySettled.Count);
        Assert.DoesNotContain("r", ledger.RecentlySettled);
        Assert.Equal(SettlementOutcome.Unknown, Accounting.Settle(ledger, "r", 1_000, 1_000, Rich, T0.AddSeconds(2)).Outcome);
        Assert.Equal(SettlementOutcome.AlreadySettled, Accounting.Settle(ledger, "n0", 1_000, 1_000, Rich, T0.AddSeconds(2)).Outcome);
        Assert.Equal(0.003m, ledger.SpentUsd);
    }
}
