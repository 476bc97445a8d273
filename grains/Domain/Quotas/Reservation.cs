namespace AdrPlatform.Domain.Quotas;

/// <summary>
/// Tokens and money held for one streaming request until it settles or expires. The worst case (the whole
/// prompt plus every allowed output token, at the price quoted when reserved) is held, so concurrent streams
/// can never together spend beyond the limits. The price is kept so a late settlement charges the quoted price.
/// </summary>
public sealed record Reservation(
    string Id,
    string User,
    ModelPrice Price,
    int PromptTokens,
    int MaxOutputTokens,
    DateTimeOffset ReservedAt,
    DateTimeOffset ExpiresAt)
{
    public long ReservedTokens => (long)PromptTokens + MaxOutputTokens;

    public decimal ReservedCost => Price.Cost(PromptTokens, MaxOutputTokens);
}
