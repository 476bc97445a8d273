using System.Collections.Immutable;
using AdrPlatform.Model;
using Orleans.Concurrency;

namespace AdrPlatform.Grains;

/// <summary>
/// One tenant: hands out ADR numbers, so numbers are unique without locks. Creations interleave
/// (a number is taken before the first await); imports run one at a time and write each ADR through its grain.
/// </summary>
[Alias("tenant.grain")]
public interface ITenantGrain : IGrainWithStringKey
{
    [AlwaysInterleave, Alias("create-adr")]
    Task<AdrRecord> CreateAdrAsync(AdrDraft draft, string actor);

    /// <summary>
    /// All or nothing for the caller: a refused import writes nothing. An import that fails midway (a store or silo
    /// failure) is finished by sending the same upload again; the ADRs its first attempt wrote are not written twice.
    /// </summary>
    [Alias("import")]
    Task<ImportResult> ImportMarkdownAsync(ImmutableArray<MarkdownUpload> files, string actor);

    /// <summary>
    /// Holds the worst case of one chat request, or refuses with RESOURCE_EXHAUSTED saying which limit and when to retry.
    /// A request cancelled before it runs holds nothing; one cancelled after may have, and its caller settles it.
    /// </summary>
    [AlwaysInterleave, Alias("reserve-chat")]
    Task ReserveChatAsync(
        string user, string reservationId, int promptTokens, int maxOutputTokens, decimal inputPricePerMillionTokens, decimal outputPricePerMillionTokens,
        CancellationToken cancellationToken);

    /// <summary>Keeps a streaming request's reservation from expiring; false when it is no longer held (the stream must stop).</summary>
    [AlwaysInterleave, Alias("renew-chat")]
    Task<bool> RenewChatAsync(string reservationId);

    /// <summary>Charges the real usage of a reservation (once, however often it is called) and returns its cost.</summary>
    [AlwaysInterleave, Alias("settle-chat")]
    Task<decimal> SettleChatAsync(string reservationId, int promptTokens, int completionTokens);

    [Alias("usage")]
    Task<TenantUsageView> GetUsageAsync();

    [Alias("set-user-quotas")]
    Task SetUserQuotasAsync(int requestsPerMinute, int concurrentStreams, long tokensPerDay);

    [Alias("set-budget")]
    Task SetBudgetAsync(decimal monthlyUsd);

    /// <summary>Admin override: lets requests through again after the kill switch tripped. Returns whether it was tripped.</summary>
    [Alias("reset-kill-switch")]
    Task<bool> ResetKillSwitchAsync();
}
