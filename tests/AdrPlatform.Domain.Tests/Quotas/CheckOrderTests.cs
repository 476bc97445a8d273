using AdrPlatform.Domain.Quotas;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

/// <summary>When several limits are exceeded at once, the refusal names the first: kill switch, rate, streams, tokens per day, budget.</summary>
public class CheckOrderTests
{
    private static readonly UserQuotas Tight = new(RequestsPerMinute: 2, ConcurrentStreams: 2, TokensPerDay: 4_000);
    private static readonly TenantBudget Tiny = new(0.006m);

    /// <summary>Two open streams holding 4,000 tokens and $0.006: every limit is full.</summary>
    private static TenantLedger Full()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "a", T0, quotas: Tight, budget: Tiny);
        Reserve(ledger, "b", T0, quotas: Tight, budget: Tiny);
        return ledger;
    }

    [Fact]
    public void Rate_comes_before_streams_tokens_and_budget()
    {
        Assert.StartsWith("Too many requests", Refused(() => Reserve(Full(), "c", T0.AddSeconds(1), quotas: Tight, budget: Tiny)), StringComparison.Ordinal);
    }

    [Fact]
    public void Streams_come_before_tokens_and_budget()
    {
        Assert.StartsWith("Too many concurrent streams", Refused(() => Reserve(Full(), "c", T0.AddSeconds(61), quotas: Tight, budget: Tiny)), StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_per_day_come_before_budget()
    {
        var ledger = Full();
        var morestreams = Tight with { ConcurrentStreams = 3 };
        Assert.StartsWith("Daily token limit", Refused(() => Reserve(ledger, "c", T0.AddSeconds(61), quotas: morestreams, budget: Tiny)), StringComparison.Ordinal);
        Assert.StartsWith("Monthly budget", Refused(() => Reserve(ledger, "c", T0.AddSeconds(61), quotas: morestreams with { TokensPerDay = 6_000 }, budget: Tiny)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_kill_switch_comes_first()
    {
        var ledger = Full();
        Accounting.Settle(ledger, "a", 0, 5_000, new TenantBudget(0.001m), T0); // $0.01 really used
        Assert.StartsWith("Spending is stopped", Refused(() => Reserve(ledger, "c", T0, quotas: Tight, budget: Tiny)), StringComparison.Ordinal);
    }
}
