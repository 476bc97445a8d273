namespace AdrPlatform.Grains;

[GenerateSerializer, Alias("tenant.state")]
public sealed class TenantState
{
    /// <summary>The number the next new ADR gets.</summary>
    [Id(0)]
    public int NextAdrNumber { get; set; } = 1;
}
