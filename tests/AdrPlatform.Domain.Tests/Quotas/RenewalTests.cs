using AdrPlatform.Domain.Quotas;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class RenewalTests
{
    private static readonly TenantBudget ForOneRequest = new(0.004m);

    [Fact]
    public void A_renewed_reservation_keeps_holding_the_budget_past_its_first_expiry()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "long", T0, budget: ForOneRequest);

        Assert.True(Accounting.Renew(ledger, "long", T0.AddMinutes(4), Lifetime));

        var pastFirstExpiry = T0 + Lifetime + TimeSpan.FromMinutes(1);
        Assert.Equal(0, Accounting.ExpireReservations(ledger, pastFirstExpiry));
        Assert.Equal(0.003m, Accounting.Usage(ledger, ForOneRequest, pastFirstExpiry).ReservedUsd);
        Assert.StartsWith("Monthly budget", Refused(() => Reserve(ledger, "other", pastFirstExpiry, budget: ForOneRequest)), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_renewal_the_reservation_expires_and_the_budget_admits_another_request()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "long", T0, budget: ForOneRequest);

        var other = Reserve(ledger, "other", T0 + Lifetime, budget: ForOneRequest);

        Assert.Equal("other", other.Id);
    }

    [Fact]
    public void A_renewal_expires_a_lifetime_after_it_was_made()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "long", T0);
        var renewedAt = T0.AddMinutes(3);
        Accounting.Renew(ledger, "long", renewedAt, Lifetime);

        Assert.Equal(0, Accounting.ExpireReservations(ledger, renewedAt + Lifetime - TimeSpan.FromTicks(1)));
        Assert.Equal(1, Accounting.ExpireReservations(ledger, renewedAt + Lifetime));
    }

    [Fact]
    public void A_reservation_that_expired_while_its_owner_was_cut_off_is_held_again_when_the_owner_renews_it()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "cut-off", T0, budget: ForOneRequest);
        var later = T0 + Lifetime + TimeSpan.FromMinutes(1);
        Assert.Equal(1, Accounting.ExpireReservations(ledger, later));

        Assert.True(Accounting.Renew(ledger, "cut-off", later, Lifetime));

        Assert.Equal(0.003m, Accounting.Usage(ledger, ForOneRequest, later).ReservedUsd);
        Assert.Equal(SettlementOutcome.Charged, Accounting.Settle(ledger, "cut-off", 10, 10, ForOneRequest, later).Outcome);
    }

    [Fact]
    public void Settled_and_unknown_reservations_are_not_renewed()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "settled", T0);
        Accounting.Settle(ledger, "settled", 10, 10, Rich, T0.AddMinutes(1));

        Assert.False(Accounting.Renew(ledger, "settled", T0.AddMinutes(2), Lifetime));
        Assert.False(Accounting.Renew(ledger, "unknown", T0.AddMinutes(2), Lifetime));
        Assert.Empty(ledger.OpenReservations);
    }
}
