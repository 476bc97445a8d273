using System.Collections.Immutable;
using System.Globalization;
using AdrPlatform.Errors;

namespace AdrPlatform.Domain.Quotas;

/// <summary>
/// The accounting rules of streaming chat, as pure functions over a <see cref="TenantLedger"/>: a stream reserves its
/// worst case before the AI provider is called and settles its real usage after. The caller supplies the time and
/// is the ledger's only writer. Every call first applies the passage of time: a new UTC day clears tokens per day;
/// a new UTC month clears spend, alerts and the kill switch; reservations past their expiry are released (their
/// stream died) into a tombstone list; old tombstones and request counts are dropped.
/// </summary>
/// <remarks>
/// <para>Usage is charged to the day and month in which it settles. Reserved tokens and money count against the
/// current day and month for as long as they are held.</para>
/// <para>Kill switch: it trips when a settlement that charges money leaves the month's spend at or above
/// <see cref="TenantBudget.KillSwitchPercentage"/> % of the budget then in force (reservations alone cannot get there;
/// real usage above the reserved worst case or a lowered budget can). While tripped, every reservation is refused.
/// It clears at the next UTC month or by <see cref="ResetKillSwitch"/>; a reset holds until money is charged again
/// while spend is still over the line, which trips it again. An admin who means to continue raises the budget first.</para>
/// <para>Late settlement: an expired reservation stays a tombstone for <see cref="LateSettlementWindow"/>; settling it
/// then charges its real usage once (nothing is released: that happened at expiry). The last
/// <see cref="RecentlySettledLimit"/> settled ids are remembered, and settling one again charges nothing. An id in none
/// of these lists is Unknown and is never charged, so no settlement can charge twice.</para>
/// <para>Requests per minute are counted per UTC second over a sliding 60 s window: a request leaves the window 60 s
/// after the start of its second, so the state stays small at any rate (the ledger is persisted on every request).</para>
/// </remarks>
public static class Accounting
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The sliding window requests per minute are counted over.</summary>
    public static TimeSpan RequestWindow { get; } = TimeSpan.FromSeconds(60);

    /// <summary>How long after expiry a reservation can still be settled and charged.</summary>
    public static TimeSpan LateSettlementWindow { get; } = TimeSpan.FromDays(1);

    /// <summary>How many settled ids are remembered so a repeated settlement is recognized.</summary>
    public const int RecentlySettledLimit = 256;

    /// <summary>
    /// Holds the worst case of one request (prompt plus <paramref name="maxOutputTokens"/>) for
    /// <paramref name="reservationLifetime"/>, or refuses with <see cref="ErrorKind.ResourceExhausted"/> naming the limit
    /// and when to retry. Checks in order: kill switch, requests per minute, concurrent streams, tokens per day,
    /// monthly budget. Only accepted requests count towards the per-minute window.
    /// </summary>
    public static Reservation Reserve(
        TenantLedger ledger,
        string user,
        string reservationId,
        int promptTokens,
        int maxOutputTokens,
        ModelPrice price,
        UserQuotas quotas,
        TenantBudget budget,
        DateTimeOffset now,
        TimeSpan reservationLifetime)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        ValidatePrice(price);
        ValidateQuotas(quotas);
        ValidateBudget(budget);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reservationLifetime, TimeSpan.Zero);
        if (promptTokens < 0 || maxOutputTokens < 0)
        {
            throw AdrPlatformException.Invalid("Prompt tokens and maximum output tokens cannot be negative.");
        }

        Advance(ledger, now);
        if (ledger.OpenReservations.ContainsKey(reservationId)
            || ledger.ExpiredReservations.ContainsKey(reservationId)
            || ledger.RecentlySettled.Contains(reservationId))
        {
            throw new AdrPlatformException(ErrorKind.AlreadyExists, $"Reservation {reservationId} was already made.");
        }

        var candidate = new Reservation(reservationId, user, price, promptTokens, maxOutputTokens, now, now + reservationLifetime);
        var userOpen = ledger.OpenReservations.Values.Where(r => r.User == user).ToList();
        EnsureKillSwitchOff(ledger, budget, now);
        EnsureRequestRate(ledger, user, quotas, now);
        EnsureStreams(userOpen, quotas, now);
        EnsureDailyTokens(ledger, user, userOpen, candidate, quotas, now);
        EnsureBudget(ledger, candidate, budget);

        CountRequest(ledger, user, now);
        ledger.OpenReservations.Add(reservationId, candidate);
        return candidate;
    }

    /// <summary>
    /// Charges the real usage of a reservation at its quoted price and releases what it held; see the class remarks
    /// for expired, repeated and unknown ids. Returns the alert percentages this charge newly crossed and whether it
    /// tripped the kill switch, both judged against <paramref name="budget"/>.
    /// </summary>
    public static Settlement Settle(
        TenantLedger ledger,
        string reservationId,
        int actualPromptTokens,
        int actualCompletionTokens,
        TenantBudget budget,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        ArgumentOutOfRangeException.ThrowIfNegative(actualPromptTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(actualCompletionTokens);
        ValidateBudget(budget);

        Advance(ledger, now);
        if (ledger.RecentlySettled.Contains(reservationId))
        {
            return new Settlement(reservationId, SettlementOutcome.AlreadySettled, 0, 0m, [], KillSwitchTripped: false);
        }

        SettlementOutcome outcome;
        if (ledger.OpenReservations.Remove(reservationId, out var reservation))
        {
            outcome = SettlementOutcome.Charged;
        }
        else if (ledger.ExpiredReservations.Remove(reservationId, out reservation))
        {
            outcome = SettlementOutcome.ChargedLate;
        }
        else
        {
            return new Settlement(reservationId, SettlementOutcome.Unknown, 0, 0m, [], KillSwitchTripped: false);
        }

        ledger.RecentlySettled.Add(reservationId);
        if (ledger.RecentlySettled.Count > RecentlySettledLimit)
        {
            ledger.RecentlySettled.RemoveRange(0, ledger.RecentlySettled.Count - RecentlySettledLimit);
        }

        var tokens = (long)actualPromptTokens + actualCompletionTokens;
        var cost = reservation.Price.Cost(actualPromptTokens, actualCompletionTokens);
        ledger.TokensToday[reservation.User] = ledger.TokensToday.GetValueOrDefault(reservation.User) + tokens;
        ledger.SpentUsd += cost;

        var newAlerts = ImmutableArray.CreateBuilder<int>();
        foreach (var percentage in TenantBudget.AlertPercentages)
        {
            if (ledger.SpentUsd > 0m && ledger.SpentUsd * 100m >= budget.MonthlyUsd * percentage && !ledger.AlertsRaised.Contains(percentage))
            {
                ledger.AlertsRaised.Add(percentage);
                newAlerts.Add(percentage);
            }
        }

        var trips = cost > 0m
            && ledger.KillSwitchTrippedAt is null
            && ledger.SpentUsd * 100m >= budget.MonthlyUsd * TenantBudget.KillSwitchPercentage;
        if (trips)
        {
            ledger.KillSwitchTrippedAt = now;
        }

        return new Settlement(reservationId, outcome, tokens, cost, newAlerts.ToImmutable(), trips);
    }

    /// <summary>
    /// Keeps a reservation alive for another <paramref name="lifetime"/> from <paramref name="now"/>: its owner is still
    /// streaming. A reservation that expired because its owner could not reach the tenant for a while (a silo of the
    /// cluster died) is held again: the owner is alive, and its answer was admitted. False when it is settled or unknown.
    /// </summary>
    public static bool Renew(TenantLedger ledger, string reservationId, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        Advance(ledger, now);
        if (!ledger.OpenReservations.TryGetValue(reservationId, out var reservation)
            && !ledger.ExpiredReservations.Remove(reservationId, out reservation))
        {
            return false;
        }

        ledger.OpenReservations[reservationId] = reservation with { ExpiresAt = now + lifetime };
        return true;
    }

    /// <summary>Releases every reservation whose expiry has passed (and applies the rest of the passage of time); returns how many.</summary>
    public static int ExpireReservations(TenantLedger ledger, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return Advance(ledger, now);
    }

    /// <summary>Admin override: clears a tripped kill switch (see the class remarks for when it trips again). Returns whether it was tripped.</summary>
    public static bool ResetKillSwitch(TenantLedger ledger, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Advance(ledger, now);
        if (ledger.KillSwitchTrippedAt is null)
        {
            return false;
        }

        ledger.KillSwitchTrippedAt = null;
        ledger.KillSwitchResetAt = now;
        return true;
    }

    /// <summary>The usage as of <paramref name="now"/>, reading the ledger without changing it.</summary>
    public static UsageSnapshot Usage(TenantLedger ledger, TenantBudget budget, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ValidateBudget(budget);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var sameDay = ledger.Day >= today;
        var sameMonth = ledger.Month >= MonthOf(today);
        var open = ledger.OpenReservations.Values.Where(r => r.ExpiresAt > now).ToList();
        var tokensToday = sameDay ? ledger.TokensToday : [];
        var recent = ledger.RequestCounts.ToDictionary(p => p.Key, p => p.Value.Where(s => s.LeavesWindowAt > now).Sum(s => s.Count));

        var users = tokensToday.Keys
            .Concat(recent.Where(p => p.Value > 0).Select(p => p.Key))
            .Concat(open.Select(r => r.User))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(user => new UserUsage(
                user,
                recent.GetValueOrDefault(user),
                tokensToday.GetValueOrDefault(user),
                open.Where(r => r.User == user).Sum(r => r.ReservedTokens),
                open.Count(r => r.User == user)));

        var spent = sameMonth ? ledger.SpentUsd : 0m;
        return new UsageSnapshot(
            now,
            sameDay ? ledger.Day : today,
            sameMonth ? ledger.Month : MonthOf(today),
            [.. users],
            spent,
            open.Sum(r => r.ReservedCost),
            budget.MonthlyUsd,
            budget.MonthlyUsd > 0m ? Math.Round(spent * 100m / budget.MonthlyUsd, 2, MidpointRounding.AwayFromZero) : null,
            sameMonth ? [.. ledger.AlertsRaised.Order()] : [],
            sameMonth && ledger.KillSwitchTrippedAt is not null);
    }

    private static void EnsureKillSwitchOff(TenantLedger ledger, TenantBudget budget, DateTimeOffset now)
    {
        if (ledger.KillSwitchTrippedAt is { } trippedAt)
        {
            throw Exhausted(string.Create(
                Invariant,
                $"Spending is stopped: this month's spend {Usd(ledger.SpentUsd)} reached {TenantBudget.KillSwitchPercentage} % of the monthly budget " +
                $"{Usd(budget.MonthlyUsd)} (kill switch tripped {trippedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC). An admin can reset it; " +
                $"otherwise it clears {NextMonthHint(ledger, now)}."));
        }
    }

    private static void EnsureRequestRate(TenantLedger ledger, string user, UserQuotas quotas, DateTimeOffset now)
    {
        var seconds = ledger.RequestCounts.GetValueOrDefault(user);
        var count = seconds?.Sum(s => s.Count) ?? 0;
        if (seconds is not null && count >= quotas.RequestsPerMinute)
        {
            // Oldest first: the second whose leaving brings the count under the limit.
            var remaining = count;
            var freesAt = now;
            foreach (var second in seconds)
            {
                remaining -= second.Count;
                freesAt = second.LeavesWindowAt;
                if (remaining < quotas.RequestsPerMinute)
                {
                    break;
                }
            }

            throw Exhausted(string.Create(
                Invariant,
                $"Too many requests: {count} in the last minute, at most {quotas.RequestsPerMinute} per minute; retry after {Wait(freesAt - now)}."));
        }
    }

    private static void EnsureStreams(List<Reservation> userOpen, UserQuotas quotas, DateTimeOffset now)
    {
        if (userOpen.Count >= quotas.ConcurrentStreams)
        {
            var soonest = userOpen.Min(r => r.ExpiresAt);
            throw Exhausted(string.Create(
                Invariant,
                $"Too many concurrent streams: {userOpen.Count} open, at most {quotas.ConcurrentStreams}; " +
                $"retry when one finishes (at the latest in {Wait(soonest - now)})."));
        }
    }

    private static void EnsureDailyTokens(TenantLedger ledger, string user, List<Reservation> userOpen, Reservation candidate, UserQuotas quotas, DateTimeOffset now)
    {
        var used = ledger.TokensToday.GetValueOrDefault(user);
        var reserved = userOpen.Sum(r => r.ReservedTokens);
        var worst = candidate.ReservedTokens;
        var limit = quotas.TokensPerDay;
        if (used + reserved + worst <= limit)
        {
            return;
        }

        if (worst > limit)
        {
            throw Exhausted(string.Create(
                Invariant,
                $"This request may use {worst} tokens ({candidate.PromptTokens} prompt + up to {candidate.MaxOutputTokens} output), " +
                $"more than the daily limit of {limit} tokens; ask for fewer output tokens."));
        }

        if (used + worst > limit)
        {
            var tomorrow = ledger.Day.AddDays(1);
            throw Exhausted(string.Create(
                Invariant,
                $"Daily token limit reached: {used} of {limit} tokens used today (UTC) and this request may use {worst}; " +
                $"retry tomorrow 00:00 UTC ({tomorrow:yyyy-MM-dd}, in {Wait(StartOf(tomorrow) - now)})."));
        }

        throw Exhausted(string.Create(
            Invariant,
            $"Daily token limit: {used} tokens used and {reserved} reserved by your open streams of {limit} today, " +
            $"and this request may use {worst}; retry when a stream finishes."));
    }

    private static void EnsureBudget(TenantLedger ledger, Reservation candidate, TenantBudget budget)
    {
        var spent = ledger.SpentUsd;
        var reserved = ledger.OpenReservations.Values.Sum(r => r.ReservedCost);
        var worst = candidate.ReservedCost;
        var limit = budget.MonthlyUsd;
        if (spent + reserved + worst <= limit)
        {
            return;
        }

        if (spent >= limit)
        {
            throw Exhausted(string.Create(
                Invariant,
                $"Monthly budget: {Usd(spent)} of {Usd(limit)} spent this month; the monthly budget is spent; an admin can raise it, " +
                $"otherwise retry after {NextMonthHint(ledger, now: null)}."));
        }

        if (spent + worst > limit)
        {
            throw Exhausted(string.Create(
                Invariant,
                $"Monthly budget: only {Usd(limit - spent)} of {Usd(limit)} is left this month and this request may cost up to {Usd(worst)}; " +
                $"ask for fewer output tokens, or an admin can raise the budget."));
        }

        throw Exhausted(string.Create(
            Invariant,
            $"Monthly budget: {Usd(spent)} spent and {Usd(reserved)} reserved by open streams of {Usd(limit)}, " +
            $"and this request may cost up to {Usd(worst)}; retry when a stream finishes."));
    }

    /// <summary>Applies the passage of time; returns how many reservations expired.</summary>
    private static int Advance(TenantLedger ledger, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today > ledger.Day)
        {
            ledger.Day = today;
            ledger.TokensToday.Clear();
        }

        if (MonthOf(today) > ledger.Month)
        {
            ledger.Month = MonthOf(today);
            ledger.SpentUsd = 0m;
            ledger.AlertsRaised.Clear();
            ledger.KillSwitchTrippedAt = null;
            ledger.KillSwitchResetAt = null;
        }

        var expired = ledger.OpenReservations.Values.Where(r => r.ExpiresAt <= now).ToList();
        foreach (var reservation in expired)
        {
            ledger.OpenReservations.Remove(reservation.Id);
            ledger.ExpiredReservations[reservation.Id] = reservation;
        }

        foreach (var id in ledger.ExpiredReservations.Where(p => p.Value.ExpiresAt + LateSettlementWindow <= now).Select(p => p.Key).ToList())
        {
            ledger.ExpiredReservations.Remove(id);
        }

        foreach (var (user, seconds) in ledger.RequestCounts.ToList())
        {
            seconds.RemoveAll(s => s.LeavesWindowAt <= now);
            if (seconds.Count == 0)
            {
                ledger.RequestCounts.Remove(user);
            }
        }

        return expired.Count;
    }

    /// <summary>Counts an accepted request in its UTC second (kept in order even if the clock steps back).</summary>
    private static void CountRequest(TenantLedger ledger, string user, DateTimeOffset now)
    {
        if (!ledger.RequestCounts.TryGetValue(user, out var seconds))
        {
            seconds = [];
            ledger.RequestCounts.Add(user, seconds);
        }

        var second = now.ToUnixTimeSeconds();
        var at = seconds.Count;
        while (at > 0 && seconds[at - 1].UnixSecond > second)
        {
            at--;
        }

        if (at > 0 && seconds[at - 1].UnixSecond == second)
        {
            seconds[at - 1] = seconds[at - 1] with { Count = seconds[at - 1].Count + 1 };
        }
        else
        {
            seconds.Insert(at, new RequestsInSecond(second, 1));
        }
    }

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string NextMonthHint(TenantLedger ledger, DateTimeOffset? now)
    {
        var next = ledger.Month.AddMonths(1);
        var hint = string.Create(Invariant, $"{next:yyyy-MM-dd} 00:00 UTC");
        return now is { } at ? string.Create(Invariant, $"{hint} (in {Wait(StartOf(next) - at)})") : hint;
    }

    /// <summary>A wait rounded up: seconds under two minutes, minutes under two hours, hours and minutes under two days, then days and hours.</summary>
    private static string Wait(TimeSpan span)
    {
        var seconds = Math.Max(1L, (long)Math.Ceiling(span.TotalSeconds));
        if (seconds < 120)
        {
            return string.Create(Invariant, $"{seconds} s");
        }

        var minutes = (seconds + 59) / 60;
        if (minutes < 120)
        {
            return string.Create(Invariant, $"{minutes} min");
        }

        var hours = (minutes + 59) / 60;
        return hours < 48
            ? string.Create(Invariant, $"{minutes / 60} h {minutes % 60} min")
            : string.Create(Invariant, $"{hours / 24} d {hours % 24} h");
    }

    private static string Usd(decimal amount) => string.Create(Invariant, $"${amount:0.00####}");

    private static AdrPlatformException Exhausted(string message) => new(ErrorKind.ResourceExhausted, message);

    private static void ValidatePrice(ModelPrice price)
    {
        ArgumentNullException.ThrowIfNull(price);
        ArgumentOutOfRangeException.ThrowIfNegative(price.InputPerMillionTokens, nameof(price));
        ArgumentOutOfRangeException.ThrowIfNegative(price.OutputPerMillionTokens, nameof(price));
    }

    private static void ValidateQuotas(UserQuotas quotas)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        ArgumentOutOfRangeException.ThrowIfLessThan(quotas.RequestsPerMinute, 1, nameof(quotas));
        ArgumentOutOfRangeException.ThrowIfLessThan(quotas.ConcurrentStreams, 1, nameof(quotas));
        ArgumentOutOfRangeException.ThrowIfNegative(quotas.TokensPerDay, nameof(quotas));
    }

    private static void ValidateBudget(TenantBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfNegative(budget.MonthlyUsd, nameof(budget));
    }
}
