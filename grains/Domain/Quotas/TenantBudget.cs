using System.Collections.Immutable;

namespace AdrPlatform.Domain.Quotas;

/// <summary>
/// A tenant's spending limit for one UTC calendar month. Reservations never take spend past it; the alert
/// thresholds and the kill switch watch real (settled) spend, which can overshoot when real usage exceeds the
/// reserved worst case or an admin lowers the budget.
/// </summary>
public sealed record TenantBudget(decimal MonthlyUsd)
{
    /// <summary>Percentages of the monthly budget at which an alert is raised, once each per month.</summary>
    public static ImmutableArray<int> AlertPercentages { get; } = [70, 85, 95];

    /// <summary>Real spend at or above this percentage of the budget trips the kill switch.</summary>
    public const int KillSwitchPercentage = 110;
}
