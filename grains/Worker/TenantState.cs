using AdrPlatform.Domain.Quotas;
using AdrPlatform.Model;

namespace AdrPlatform.Grains;

[GenerateSerializer, Alias("tenant.state")]
public sealed class TenantState
{
    /// <summary>The number the next new ADR gets.</summary>
    [Id(0)]
    public int NextAdrNumber { get; set; } = 1;

    [Id(1)]
    public QuotaSettings Quotas { get; set; } = QuotaSettings.Default;

    /// <summary>Usage, spend and open reservations (serialized as JSON: the domain type carries no Orleans attributes).</summary>
    [Id(2)]
    public TenantLedger Ledger { get; set; } = new();
}
