namespace AdrPlatform.Adapters.Chat;

/// <summary>Bound from "Chat:Provider": which chat model answers.</summary>
public sealed class ChatProviderOptions
{
    public const string Section = "Chat:Provider";

    /// <summary>"local" (built in, no model: extractive), "openai" (any OpenAI-compatible server) or "azure-openai".</summary>
    public string Kind { get; set; } = "local";

    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The model (openai) or deployment (azure-openai).</summary>
    public string? Model { get; set; }

    /// <summary>The local provider's pace, so its answers stream like a model's.</summary>
    public TimeSpan LocalWordInterval { get; set; } = TimeSpan.FromMilliseconds(30);
}
