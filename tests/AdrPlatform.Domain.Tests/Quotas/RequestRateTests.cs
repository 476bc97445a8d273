using AdrPlatform.Domain.Quotas;
using static AdrPlatform.Domain.Tests.Quotas.QuotaFixture;

namespace AdrPlatform.Domain.Tests.Quotas;

public class RequestRateTests
{
    private static readonly UserQuotas ThreePerMinute = Unlimited with { RequestsPerMinute = 3 };

    [Fact]
    public void The_request_over_the_limit_is_refused_with_the_seconds_until_the_oldest_leaves_the_window()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "r1", T0, quotas: ThreePerMinute);
        Reserve(ledger, "r2", T0.AddSeconds(10), quotas: ThreePerMinute);
        Reserve(ledger, "r3", T0.AddSeconds(20), quotas: ThreePerMinute);

        var message = Refused(() => Reserve(ledger, "r4", T0.AddSeconds(48), quotas: ThreePerMinute));
        Assert.Equal("Too many requests: 3 in the last minute, at most 3 per minute; retry after 12 s.", message);
    }

    [Fact]
    public void The_retry_hint_rounds_up_and_the_hinted_moment_is_allowed()
    {
        var ledger = new TenantLedger();
        var one = Unlimited with { RequestsPerMinute = 1 };
        Reserve(ledger, "r1", T0, quotas: one);

        Assert.EndsWith("retry after 60 s.", Refused(() => Reserve(ledger, "r2", T0.AddMilliseconds(400), quotas: one)), StringComparison.Ordinal);
        Assert.EndsWith("retry after 1 s.", Refused(() => Reserve(ledger, "r2", T0.AddSeconds(59.2), quotas: one)), StringComparison.Ordinal);
        Reserve(ledger, "r2", T0.AddSeconds(60), quotas: one);
    }

    [Fact]
    public void The_window_slides_rather_than_resetting_at_the_minute()
    {
        var ledger = new TenantLedger();
        Reserve(ledger, "r1", T0.AddSeconds(30), quotas: ThreePerMinute);
        Reserve(ledger, "r2", T0.AddSeconds(40), quotas: ThreePerMinute);
        Reserve(ledger, "r3", T0.AddSeconds(50), quotas: ThreePerMinute);

        // 12:01:05 is a new clock minute, but all three requests are within the last 60 s.
        var message = Refused(() => Reserve(ledger, "r4", T0.AddSeconds(65), quotas: ThreePerMinute));
        Assert.EndsWith("retry after 25 s.", message, StringComparison.Ordinal);
        Reserve(ledger, "r4", T0.AddSeconds(90), quotas: ThreePerMinute);
    }

    [Fact]
    public void Refused_requests_do_not_count_and_other_users_are_not_limited()
    {
        var ledger = new TenantLedger();
        for (var i = 0; i < 3; i++)
        {
            Reserve(ledger, $"a{i}", T0, quotas: ThreePerMinute);
        }

        for (var i = 0; i < 10; i++)
        {
            Refused(() => Reserve(ledger, "refused", T0.AddSeconds(30), quotas: ThreePerMinute));
        }

        Reserve(ledger, "b1", T0.AddSeconds(30), user: "bob", quotas: ThreePerMinute);
        // Had the ten refusals at +30 s counted, this would be refused until +90 s.
        Reserve(ledger, "a3", T0.AddSeconds(60), quotas: ThreePerMinute);
        Assert.Equal(1, Accounting.Usage(ledger, Rich, T0.AddSeconds(60)).Users.Single(u => u.User == "alice").RequestsLastMinute);
    }

    [Fact]
    public void Requests_are_counted_per_second_so_the_ledger_stays_small_at_any_rate()
    {
        var ledger = new TenantLedger();
        var many = Unlimited with { RequestsPerMinute = 10_000 };
        for (var i = 0; i < 6_000; i++)
        {
            Reserve(ledger, $"r{i}", T0.AddMilliseconds(i * 10), quotas: many, prompt: 0, maxOutput: 0);
        }

        Assert.Equal(60, ledger.RequestCounts["alice"].Count);
        Assert.Equal(6_000, Accounting.Usage(ledger, Rich, T0.AddSeconds(59.99)).Users.Single().RequestsLastMinute);

        // The first second's 100 leave together, 60 s after it began.
        Assert.Equal(5_900, Accounting.Usage(ledger, Rich, T0.AddSeconds(60)).Users.Single().RequestsLastMinute);
    }

    [Fact]
    public void The_retry_hint_names_the_second_whose_leaving_makes_room()
    {
        var ledger = new TenantLedger();
        var five = Unlimited with { RequestsPerMinute = 5 };
        foreach (var (id, at) in new[] { ("a", 0.1), ("b", 0.2), ("c", 0.3), ("d", 10.5), ("e", 20.0) })
        {
            Reserve(ledger, id, T0.AddSeconds(at), quotas: five);
        }

        // Three came in second 0, which leaves at +60 s; that is what frees a place.
        Assert.EndsWith("retry after 30 s.", Refused(() => Reserve(ledger, "f", T0.AddSeconds(30), quotas: five)), StringComparison.Ordinal);
        Reserve(ledger, "f", T0.AddSeconds(60), quotas: five);
    }
}
