namespace AdrPlatform.Grains.Chat;

/// <summary>Bound from the "Chat" section.</summary>
public sealed class ChatSettings
{
    public const string Section = "Chat";

    public int MaxQuestionLength { get; set; } = 4_000;

    public int MaxOutputTokens { get; set; } = 1_024;

    /// <summary>ADR passages put in front of the model per question.</summary>
    public int GroundingPassages { get; set; } = 5;

    /// <summary>Earlier turns sent along with a question.</summary>
    public int HistoryTurns { get; set; } = 6;

    public int MaxMessagesPerSession { get; set; } = 500;

    /// <summary>
    /// How long a reservation holds its worst case without news of its stream: the session renews it every third of this
    /// while the answer streams, so only a stream whose silo died lets it expire, this long after the last renewal.
    /// </summary>
    public TimeSpan ReservationLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Least time between two writes of a tenant's ledger while requests keep coming: reservations and settlements
    /// in between share the next write (each still waits for a write that includes it). The ledger holds every open
    /// reservation, so back-to-back writes under load cost far more than this wait.
    /// </summary>
    public TimeSpan LedgerWriteSpacing { get; set; } = TimeSpan.FromMilliseconds(20);
}
