using AdrPlatform.Domain.Quotas;
using AdrPlatform.Model;

namespace AdrPlatform.Grains;

[GenerateSerializer, Alias("tenant.state")]
public sealed class TenantState
{
    [Id(1)]
    public QuotaSettings Quotas { get; set; } = QuotaSettings.Default;

    /// <summary>Usage, spend and open reservations (serialized as JSON: the domain type carries no Orleans attributes).</summary>
    [Id(2)]
    public TenantLedger Ledger { get; set; } = new();

    /// <summary>The markdown import under way, or one that failed midway and may be retried; null otherwise.</summary>
    [Id(3)]
    public PendingImport? Import { get; set; }
}
