namespace AdrPlatform.Adapters.Chat;

/// <summary>One entry of "Chat:Models:{alias}".</summary>
public sealed class ChatModelOptions
{
    /// <summary>Tried in order: the first is the primary, the rest fail-overs.</summary>
    public List<ChatProviderOptions> Providers { get; set; } = [];

    public decimal InputPricePerMillionTokens { get; set; }

    public decimal OutputPricePerMillionTokens { get; set; }

    public ResilienceOptions Resilience { get; set; } = new();
}
