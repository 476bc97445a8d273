using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Grains.Chat;

/// <summary>What one chat session may ask and how its answers are grounded and accounted.</summary>
public sealed class ChatSessionOptions
{
    public const string Section = "Chat";

    [Description("Longest question, in characters")]
    [Range(1, 1_000_000)]
    public int MaxQuestionLength { get; set; } = 4_000;

    [Description("Most tokens of one answer (its worst case is reserved before the provider is called)")]
    [Range(1, 1_000_000)]
    public int MaxOutputTokens { get; set; } = 1_024;

    [Description("ADR passages put in front of the model per question")]
    [Range(0, 100)]
    public int GroundingPassages { get; set; } = 5;

    [Description("Earlier turns sent along with a question")]
    [Range(0, 1_000)]
    public int HistoryTurns { get; set; } = 6;

    [Description("Messages a session keeps")]
    [Range(1, 100_000)]
    public int MaxMessagesPerSession { get; set; } = 500;

    /// <summary>The session renews it every third of this while the answer streams, so only a stream whose silo died lets it expire.</summary>
    [Description("How long a reservation holds its worst case without news of its stream")]
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReservationLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The ledger holds every open reservation, so back-to-back writes under load cost far more than this wait;
    /// each reservation or settlement still waits for a write that includes it.
    /// </summary>
    [Description("Under load, the least time between two writes of a tenant's quota ledger; requests in between share a write")]
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan LedgerWriteSpacing { get; set; } = TimeSpan.FromMilliseconds(20);
}
