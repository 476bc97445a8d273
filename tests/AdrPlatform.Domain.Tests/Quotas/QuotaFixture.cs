using AdrPlatform.Domain.Quotas;
using AdrPlatform.Errors;

namespace AdrPlatform.Domain.Tests.Quotas;

/// <summary>Shared values: a Tuesday noon in March 2026 (UTC), generous limits unless a test narrows one, and helpers.</summary>
internal static class QuotaFixture
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>$1 per million prompt tokens, $2 per million output tokens: 1,000 + 1,000 tokens cost at most $0.003.</summary>
    public static readonly ModelPrice Small = new(1m, 2m);

    /// <summary>$1 per token either way, so token counts read as dollars.</summary>
    public static readonly ModelPrice DollarPerToken = new(1_000_000m, 1_000_000m);

    public static readonly UserQuotas Unlimited = new(RequestsPerMinute: 1_000_000, ConcurrentStreams: 1_000_000, TokensPerDay: 1_000_000_000_000);

    public static readonly TenantBudget Rich = new(1_000_000m);

    public static Reservation Reserve(
        TenantLedger ledger,
        string id,
        DateTimeOffset now,
        string user = "alice",
        int prompt = 1_000,
        int maxOutput = 1_000,
        ModelPrice? price = null,
        UserQuotas? quotas = null,
        TenantBudget? budget = null,
        TimeSpan? lifetime = null) =>
        Accounting.Reserve(ledger, user, id, prompt, maxOutput, price ?? Small, quotas ?? Unlimited, budget ?? Rich, now, lifetime ?? Lifetime);

    /// <summary>A refused reservation: asserts ResourceExhausted and returns the message.</summary>
    public static string Refused(Action reserve)
    {
        var error = Assert.Throws<AdrPlatformException>(reserve);
        Assert.Equal(ErrorKind.ResourceExhausted, error.Kind);
        return error.Message;
    }

    /// <summary>Reserves and settles <paramref name="dollars"/> output tokens at $1 each.</summary>
    public static Settlement Spend(TenantLedger ledger, string id, int dollars, TenantBudget budget, DateTimeOffset now)
    {
        Reserve(ledger, id, now, prompt: 0, maxOutput: dollars, price: DollarPerToken, budget: budget);
        return Accounting.Settle(ledger, id, 0, dollars, budget, now);
    }
}
