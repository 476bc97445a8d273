using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Adapters.Embeddings;

/// <summary>Which embedding model turns text into vectors; see <see cref="EmbeddingProviders.Create"/>.</summary>
public sealed class EmbeddingOptions : IValidatableObject
{
    public const string Section = "Embeddings";
    public const string Local = "local";
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azure-openai";
    public const int DefaultLocalDimensions = 384;

    [Description("`local` (a hashing embedder, not semantic: it says so), `openai` (any OpenAI-compatible server) or `azure-openai`")]
    [AllowedValues(Local, OpenAI, AzureOpenAI, ErrorMessage = "{0} must be local, openai or azure-openai")]
    public string Provider { get; set; } = Local;

    [Description("`openai`: the model, e.g. `text-embedding-3-small`")]
    public string? Model { get; set; }

    [Description("`openai`: the API base URL with its version segment (`http://127.0.0.1:8000/v1`); `azure-openai`: the resource endpoint")]
    public string? Endpoint { get; set; }

    [Description("The API key (optional for `openai`, required for `azure-openai`)")]
    public string? ApiKey { get; set; }

    [Description("`azure-openai`: the deployment")]
    public string? Deployment { get; set; }

    [Description("Vector length: 384 for `local` when unset; sent to remote models only when set")]
    [Range(1, 65_536)]
    public int? Dimensions { get; set; }

    [Description("Inputs per provider request, and passages per `embeddings.requested` event")]
    [Range(1, 2_048)]
    public int BatchSize { get; set; } = 32;

    [Description("Retries of a request the provider rate-limits (429, 503), with doubling pauses")]
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    [Description("The pause before the first retry")]
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is OpenAI && string.IsNullOrWhiteSpace(Model))
        {
            yield return Missing(nameof(Model));
        }

        if (Provider is OpenAI or AzureOpenAI)
        {
            if (string.IsNullOrWhiteSpace(Endpoint))
            {
                yield return Missing(nameof(Endpoint));
            }
            else if (!Uri.TryCreate(Endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"{nameof(Endpoint)} must be an absolute http(s) URL for provider {Provider} (got '{Endpoint}')", [nameof(Endpoint)]);
            }
        }

        if (Provider is AzureOpenAI && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return Missing(nameof(ApiKey));
        }

        if (Provider is AzureOpenAI && string.IsNullOrWhiteSpace(Deployment))
        {
            yield return Missing(nameof(Deployment));
        }
    }

    private ValidationResult Missing(string setting) => new($"{setting} is required for provider {Provider}", [setting]);
}
