using System.Collections.Immutable;

namespace AdrPlatform.Domain.Quotas;

/// <summary>One user's usage at a moment: accepted requests in the last 60 s, tokens charged and reserved today (UTC), open streams.</summary>
public sealed record UserUsage(string User, int RequestsLastMinute, long TokensToday, long TokensReserved, int ActiveStreams);

/// <summary>
/// A tenant's usage at a moment. <see cref="PercentOfBudget"/> is spend over budget, in percent to two decimals,
/// null when the budget is zero. Users are those with any recent request, tokens today or open stream, by name.
/// </summary>
public sealed record UsageSnapshot(
    DateTimeOffset At,
    DateOnly Day,
    DateOnly Month,
    ImmutableArray<UserUsage> Users,
    decimal SpentUsd,
    decimal ReservedUsd,
    decimal BudgetUsd,
    decimal? PercentOfBudget,
    ImmutableArray<int> AlertsRaised,
    bool KillSwitchTripped);
