namespace AdrPlatform.Adapters.Embeddings;

/// <summary>
/// Which embedding model turns ADR text into vectors. Bound from the "Embeddings" section; see
/// <see cref="EmbeddingProviders.Create"/> for what each provider requires.
/// </summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embeddings";
    public const string Local = "local";
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azure-openai";
    public const int DefaultLocalDimensions = 384;
    public const int DefaultBatchSize = 64;

    /// <summary>
    /// "local" (the embedded default: a lexical feature-hashing sketch, not a neural model),
    /// "openai" (the OpenAI API or any OpenAI-compatible server) or "azure-openai".
    /// </summary>
    public string Provider { get; set; } = Local;

    /// <summary>The model name sent to an OpenAI-compatible server, e.g. "text-embedding-3-small". Required for "openai".</summary>
    public string? Model { get; set; }

    /// <summary>
    /// For "openai": the API base URL, including the version segment (https://api.openai.com/v1, or
    /// e.g. http://127.0.0.1:8000/v1 for a self-hosted server). For "azure-openai": the resource endpoint
    /// (https://{resource}.openai.azure.com/).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The API key. Optional for "openai" (self-hosted servers often need none); required for "azure-openai".</summary>
    public string? ApiKey { get; set; }

    /// <summary>The Azure OpenAI deployment name. Required for "azure-openai".</summary>
    public string? Deployment { get; set; }

    /// <summary>
    /// Vector length. For "local" it defaults to <see cref="DefaultLocalDimensions"/>; for the remote providers
    /// it is only sent when set (models such as text-embedding-3-* can shorten their output; older ones reject it).
    /// </summary>
    public int? Dimensions { get; set; }

    /// <summary>At most this many inputs go to the provider in one request; larger batches are split, in order.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;
}
