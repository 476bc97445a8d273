namespace AdrPlatform.Domain.Quotas;

/// <summary>
/// The accounting state of one tenant, changed only through <see cref="Accounting"/> by the tenant's single writer
/// (no locks). Plain properties and collections so it can become grain state as is; it holds no clock: every
/// function is given <c>now</c>, and day/month keys only move forward (a clock that steps back rolls nothing back).
/// </summary>
public sealed class TenantLedger
{
    /// <summary>The UTC day <see cref="TokensToday"/> counts.</summary>
    public DateOnly Day { get; set; }

    /// <summary>Tokens charged per user on <see cref="Day"/> (reserved tokens are in <see cref="OpenReservations"/>).</summary>
    public Dictionary<string, long> TokensToday { get; set; } = [];

    /// <summary>The first day of the UTC month <see cref="SpentUsd"/>, <see cref="AlertsRaised"/> and the kill switch belong to.</summary>
    public DateOnly Month { get; set; }

    /// <summary>Real USD charged in <see cref="Month"/> (reserved money is in <see cref="OpenReservations"/>).</summary>
    public decimal SpentUsd { get; set; }

    /// <summary>Alert percentages already raised in <see cref="Month"/>.</summary>
    public List<int> AlertsRaised { get; set; } = [];

    /// <summary>When spend reached the kill-switch line; while set, every reservation is refused. Cleared by an admin reset or a new month.</summary>
    public DateTimeOffset? KillSwitchTrippedAt { get; set; }

    /// <summary>When an admin last reset the kill switch this month (informational).</summary>
    public DateTimeOffset? KillSwitchResetAt { get; set; }

    /// <summary>Per user, accepted reservations per UTC second within the last 60 s, oldest first (at most 60 entries a user,
    /// however high the rate: the ledger is written on every request). Renamed from the per-request list, which older
    /// states still carry and deserialization ignores.</summary>
    public Dictionary<string, List<RequestsInSecond>> RequestCounts { get; set; } = [];

    /// <summary>Reservations holding tokens, money and a stream slot, by id.</summary>
    public Dictionary<string, Reservation> OpenReservations { get; set; } = [];

    /// <summary>Reservations that expired unsettled, kept for <see cref="Accounting.LateSettlementWindow"/> so a late settlement is charged once.</summary>
    public Dictionary<string, Reservation> ExpiredReservations { get; set; } = [];

    /// <summary>The last <see cref="Accounting.RecentlySettledLimit"/> settled ids, oldest first, so a repeated settlement is
    /// recognized (any settlement of an id that is not open or expired charges nothing).</summary>
    public List<string> RecentlySettled { get; set; } = [];
}

/// <summary>How many reservations a user made in the UTC second starting at <see cref="UnixSecond"/>.</summary>
public sealed record RequestsInSecond(long UnixSecond, int Count)
{
    public DateTimeOffset LeavesWindowAt => DateTimeOffset.FromUnixTimeSeconds(UnixSecond) + Accounting.RequestWindow;
}
