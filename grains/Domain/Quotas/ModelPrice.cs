namespace AdrPlatform.Domain.Quotas;

/// <summary>What a model costs, in USD per million tokens, prompt (input) and completion (output) priced apart.</summary>
public sealed record ModelPrice(decimal InputPerMillionTokens, decimal OutputPerMillionTokens)
{
    /// <summary>The exact USD cost of the given tokens (no rounding: decimal keeps sub-cent amounts exact).</summary>
    public decimal Cost(int promptTokens, int completionTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promptTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(completionTokens);
        return ((promptTokens * InputPerMillionTokens) + (completionTokens * OutputPerMillionTokens)) / 1_000_000m;
    }
}
