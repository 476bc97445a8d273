namespace AdrPlatform.Adapters.Chat;

/// <summary>
/// Where an OpenAI-compatible chat completions request goes and how it is authorised, per provider kind.
/// A class, not a record: a record's generated ToString would print the key.
/// </summary>
internal sealed class ChatEndpoint
{
    /// <summary>The Azure OpenAI REST API version the requests name (the GA version Azure.AI.OpenAI 2.1 uses).</summary>
    public const string AzureApiVersion = "2024-10-21";

    private ChatEndpoint(string providerName, Uri completionsUrl, string? model, string maxTokensField, string? authHeader, string? authValue)
    {
        ProviderName = providerName;
        CompletionsUrl = completionsUrl;
        Model = model;
        MaxTokensField = maxTokensField;
        AuthHeader = authHeader;
        AuthValue = authValue;
    }

    public string ProviderName { get; }

    public Uri CompletionsUrl { get; }

    /// <summary>The model named in the body; none for Azure, where the deployment in the path chooses it.</summary>
    public string? Model { get; }

    public string MaxTokensField { get; }

    public string? AuthHeader { get; }

    public string? AuthValue { get; }

    /// <summary>An OpenAI-compatible server: POST {base}/chat/completions with a bearer key, the model in the body.</summary>
    public static ChatEndpoint OpenAi(Uri baseUrl, string? apiKey, string model) =>
        new("openai", Under(baseUrl, "chat/completions"), model, "max_completion_tokens",
            apiKey is null ? null : "Authorization", apiKey is null ? null : "Bearer " + apiKey);

    /// <summary>
    /// Azure OpenAI: the deployment is in the path and the key in an api-key header. The output limit is
    /// "max_tokens", which every Azure API version and model accepts (as Azure.AI.OpenAI 2.1 sends it).
    /// </summary>
    public static ChatEndpoint AzureOpenAi(Uri endpoint, string apiKey, string deployment) =>
        new("azure-openai",
            new Uri(Under(endpoint, $"openai/deployments/{Uri.EscapeDataString(deployment)}/chat/completions") + "?api-version=" + AzureApiVersion),
            null, "max_tokens", "api-key", apiKey);

    private static Uri Under(Uri root, string path) => new(root.AbsoluteUri.TrimEnd('/') + "/" + path);
}
