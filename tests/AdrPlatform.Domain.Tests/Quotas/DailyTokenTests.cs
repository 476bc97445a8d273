using AdrPlatform.Domain.Quotas;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class DailyTokenTests
{
    private static readonly UserQuotas TenThousand = Unlimited with { TokensPerDay = 10_000 };

    private static TenantLedger WithUsed(int tokens)
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "used", T0, prompt: tokens, maxOutput: 0, quotas: TenThousand);
        Accounting.Settle(ledger, "used", tokens, 0, Rich, T0);
        return ledger;
    }

    [Fact]
    public void Used_tokens_plus_the_worst_case_over_the_limit_is_refused_until_tomorrow_UTC()
    {
        var ledger = WithUsed(9_000);
        var message = Refused(() => Reserve(ledger, "r", T0, prompt: 500, maxOutput: 1_000, quotas: TenThousand));
        Assert.Equal(
            "Daily token limit reached: 9000 of 10000 tokens used today (UTC) and this request may use 1500; " +
            "retry tomorrow 00:00 UTC (2026-03-11, in 12 h 0 min).",
            message);
    }

    [Fact]
    public void A_worst_case_that_exactly_fills_the_day_is_allowed()
    {
        var ledger = WithUsed(9_000);
        Reserve(ledger, "r", T0, prompt: 500, maxOutput: 500, quotas: TenThousand);
        Refused(() => Reserve(ledger, "r2", T0, prompt: 1, maxOutput: 0, quotas: TenThousand));
    }

    [Fact]
    public void Tokens_reserved_by_open_streams_count_and_the_hint_is_to_wait_for_them()
    {
        var ledger = WithUsed(1_000);
        Reserve(ledger, "open", T0, prompt: 1_000, maxOutput: 5_000, quotas: TenThousand);

        var message = Refused(() => Reserve(ledger, "r", T0, prompt: 1_000, maxOutput: 3_000, quotas: TenThousand));
        Assert.Equal(
            "Daily token limit: 1000 tokens used and 6000 reserved by your open streams of 10000 today, " +
            "and this request may use 4000; retry when a stream finishes.",
            message);

        Accounting.Settle(ledger, "open", 1_000, 200, Rich, T0);
        Reserve(ledger, "r", T0, prompt: 1_000, maxOutput: 3_000, quotas: TenThousand);
    }

    [Fact]
    public void A_request_larger_than_the_whole_day_asks_for_fewer_output_tokens()
    {
        var message = Refused(() => Reserve(new TenantLedger(), "r", T0, prompt: 2_000, maxOutput: 9_000, quotas: TenThousand));
        Assert.Equal(
            "This request may use 11000 tokens (2000 prompt + up to 9000 output), more than the daily limit of 10000 tokens; ask for fewer output tokens.",
            message);
    }

    [Fact]
    public void The_limit_is_per_user_and_renews_at_midnight_UTC()
    {
        var ledger = WithUsed(10_000);
        Reserve(ledger, "bob", T0, user: "bob", prompt: 5_000, maxOutput: 5_000, quotas: TenThousand);
        var lastSecond = new DateTimeOffset(2026, 3, 10, 23, 59, 59, TimeSpan.Zero);
        Assert.EndsWith("(2026-03-11, in 1 s).", Refused(() => Reserve(ledger, "r", lastSecond, prompt: 1, maxOutput: 0, quotas: TenThousand)), StringComparison.Ordinal);
        Reserve(ledger, "r", lastSecond.AddSeconds(1), prompt: 5_000, maxOutput: 5_000, quotas: TenThousand);
    }
}
