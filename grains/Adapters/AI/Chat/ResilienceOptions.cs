using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Adapters.Chat;

/// <summary>How the platform retries, fails over and sheds load for one model alias ("Chat:Models:{alias}:Resilience").</summary>
public sealed class ResilienceOptions
{
    [Description("Retries of one provider before its first token (429, 5xx, transport errors, a provider silent past `FirstTokenTimeout`)")]
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 2;

    [Description("The pause before the first retry; it doubles with each one")]
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    [Description("Consecutive failures after which a provider is skipped for `BreakDuration` (circuit breaker)")]
    [Range(1, 1_000)]
    public int FailuresToBreak { get; set; } = 5;

    [Description("How long a broken provider is skipped")]
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Description("Streams the model serves at once; more wait in a queue")]
    [Range(1, 1_000_000)]
    public int MaxConcurrentStreams { get; set; } = 256;

    [Description("Requests that may wait for a stream slot; beyond it RESOURCE_EXHAUSTED")]
    [Range(0, 1_000_000)]
    public int MaxQueueDepth { get; set; } = 1_024;

    /// <summary>A provider that hangs must not hold the answer, or a stream slot.</summary>
    [Description("How long a provider may take to its first token before the attempt counts as failed (and is retried or failed over)")]
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FirstTokenTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
