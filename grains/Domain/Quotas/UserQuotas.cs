namespace AdrPlatform.Domain.Quotas;

/// <summary>What one user of a tenant may do: requests in any 60 s window, streams open at once, tokens per UTC day.</summary>
public sealed record UserQuotas(int RequestsPerMinute = 100, int ConcurrentStreams = 5, long TokensPerDay = 100_000)
{
    public static UserQuotas Default { get; } = new();
}
