using System.Collections.Immutable;

namespace AdrPlatform.Domain.Quotas;

public enum SettlementOutcome
{
    /// <summary>The reservation was open: it is released and the real usage charged.</summary>
    Charged = 1,

    /// <summary>The reservation had expired (its money and stream slot already released); the real usage is charged now, once.</summary>
    ChargedLate = 2,

    /// <summary>The reservation was settled before; nothing is charged again.</summary>
    AlreadySettled = 3,

    /// <summary>No reservation by that id is known (never made, or expired longer ago than the late-settlement window); nothing is charged.</summary>
    Unknown = 4,
}

/// <summary>
/// What one settle call did: the tokens and USD it charged (zero unless Charged or ChargedLate), the alert
/// percentages newly crossed by it in ascending order, and whether it tripped the kill switch.
/// </summary>
public sealed record Settlement(
    string ReservationId,
    SettlementOutcome Outcome,
    long Tokens,
    decimal Cost,
    ImmutableArray<int> NewAlerts,
    bool KillSwitchTripped);
