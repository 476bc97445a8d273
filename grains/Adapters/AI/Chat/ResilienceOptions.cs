namespace AdrPlatform.Adapters.Chat;

/// <summary>Bound from "Chat:Resilience": how the platform retries, fails over and sheds load per model.</summary>
public sealed class ResilienceOptions
{
    public const string Section = "Chat:Resilience";

    /// <summary>Retries of one provider on 429, 5xx or a transport error, before its first token only.</summary>
    public int MaxRetries { get; set; } = 2;

    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Consecutive failures after which a provider is skipped for <see cref="BreakDuration"/>.</summary>
    public int FailuresToBreak { get; set; } = 5;

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Streams the model serves at once; more wait in a queue.</summary>
    public int MaxConcurrentStreams { get; set; } = 256;

    /// <summary>Requests that may wait for a stream slot; beyond it a request is refused (RESOURCE_EXHAUSTED).</summary>
    public int MaxQueueDepth { get; set; } = 1_024;

    /// <summary>
    /// How long a provider may take to its first token before the attempt counts as failed (and is
    /// retried or failed over): a provider that hangs must not hold the answer, or a stream slot.
    /// </summary>
    public TimeSpan FirstTokenTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
