using AdrPlatform.Domain.Quotas;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class ConcurrentStreamTests
{
    private static readonly UserQuotas TwoStreams = Unlimited with { ConcurrentStreams = 2 };

    [Fact]
    public void A_stream_over_the_limit_is_refused_saying_when_a_slot_frees_at_the_latest()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "r1", T0, quotas: TwoStreams);
        Reserve(ledger, "r2", T0.AddSeconds(30), quotas: TwoStreams);

        var message = Refused(() => Reserve(ledger, "r3", T0.AddSeconds(60), quotas: TwoStreams));
        Assert.Equal("Too many concurrent streams: 2 open, at most 2; retry when one finishes (at the latest in 4 min).", message);
    }

    [Fact]
    public void Settling_a_stream_frees_its_slot()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "r1", T0, quotas: TwoStreams);
        Reserve(ledger, "r2", T0, quotas: TwoStreams);
        Refused(() => Reserve(ledger, "r3", T0.AddSeconds(1), quotas: TwoStreams));

        Accounting.Settle(ledger, "r1", 10, 10, Rich, T0.AddSeconds(2));
        Reserve(ledger, "r3", T0.AddSeconds(3), quotas: TwoStreams);
        Refused(() => Reserve(ledger, "r4", T0.AddSeconds(4), quotas: TwoStreams));
    }

    [Fact]
    public void Streams_are_counted_per_user()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "a1", T0, quotas: TwoStreams);
        Reserve(ledger, "a2", T0, quotas: TwoStreams);
        Reserve(ledger, "b1", T0, user: "bob", quotas: TwoStreams);
        Reserve(ledger, "b2", T0, user: "bob", quotas: TwoStreams);
        Assert.Equal(2, Accounting.Usage(ledger, Rich, T0).Users.Single(u => u.User == "bob").ActiveStreams);
    }
}
