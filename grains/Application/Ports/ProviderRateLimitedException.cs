namespace AdrPlatform.Ports;

/// <summary>An AI provider refused a call for now (HTTP 429 or 503): the same call may succeed after a pause.</summary>
public sealed class ProviderRateLimitedException : Exception
{
    public ProviderRateLimitedException()
    {
    }

    public ProviderRateLimitedException(string message)
        : base(message)
    {
    }

    public ProviderRateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
