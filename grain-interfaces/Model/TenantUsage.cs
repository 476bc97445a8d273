using System.Collections.Immutable;

namespace AdrPlatform.Model;

/// <summary>A tenant's limits: per user requests per minute, concurrent streams and tokens per day; per tenant a monthly budget.</summary>
[GenerateSerializer, Immutable, Alias("tenant.quotas")]
public sealed record QuotaSettings(
    [property: Id(0)] int RequestsPerMinute,
    [property: Id(1)] int ConcurrentStreams,
    [property: Id(2)] long TokensPerDay,
    [property: Id(3)] decimal MonthlyBudgetUsd)
{
    public static QuotaSettings Default { get; } = new(100, 5, 100_000, 100m);
}

[GenerateSerializer, Immutable, Alias("tenant.user-usage")]
public sealed record UserUsageView(
    [property: Id(0)] string User,
    [property: Id(1)] int RequestsLastMinute,
    [property: Id(2)] long TokensToday,
    [property: Id(3)] long TokensReserved,
    [property: Id(4)] int ActiveStreams);

[GenerateSerializer, Immutable, Alias("tenant.usage")]
public sealed record TenantUsageView(
    [property: Id(0)] ImmutableArray<UserUsageView> Users,
    [property: Id(1)] decimal SpentUsd,
    [property: Id(2)] decimal ReservedUsd,
    [property: Id(3)] decimal BudgetUsd,
    [property: Id(4)] ImmutableArray<int> AlertsRaised,
    [property: Id(5)] bool KillSwitchTripped,
    [property: Id(6)] QuotaSettings Quotas);

/// <summary>A monthly budget threshold crossed (70, 85, 95), or the kill switch tripped (110).</summary>
[GenerateSerializer, Immutable, Alias("tenant.budget-alert")]
public sealed record BudgetAlert(
    [property: Id(0)] int Percent,
    [property: Id(1)] decimal SpentUsd,
    [property: Id(2)] decimal BudgetUsd,
    [property: Id(3)] bool KillSwitch,
    [property: Id(4)] DateTimeOffset At);
