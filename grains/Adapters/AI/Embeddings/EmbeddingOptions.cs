using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AdrPlatform.Adapters.Onnx;

namespace AdrPlatform.Adapters.Embeddings;

/// <summary>Which embedding model turns text into vectors; see <see cref="EmbeddingProviders.Create"/>.</summary>
public sealed class EmbeddingOptions : IValidatableObject
{
    public const string Section = "Embeddings";
    public const string Onnx = "onnx";
    public const string Hashing = "hashing";
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azure-openai";
    public const int DefaultLocalDimensions = 384;

    [Description("`onnx` (a sentence-transformer run in the silo, no download: see `Embeddings:Model`), `openai` (any OpenAI-compatible server), `azure-openai`, or `hashing` (a test double: hashes words, not meaning)")]
    [AllowedValues(Onnx, Hashing, OpenAI, AzureOpenAI, ErrorMessage = "{0} must be onnx, hashing, openai or azure-openai")]
    public string Provider { get; set; } = Onnx;

    [Description("`onnx`: `arctic-xs` (snowflake-arctic-embed-xs, the default) or `minilm` (all-MiniLM-L6-v2); `openai`: the model, e.g. `text-embedding-3-small`")]
    public string? Model { get; set; }

    [Description("`openai`: the API base URL with its version segment (`http://127.0.0.1:8000/v1`); `azure-openai`: the resource endpoint")]
    public string? Endpoint { get; set; }

    [Description("The API key (optional for `openai`, required for `azure-openai`)")]
    public string? ApiKey { get; set; }

    [Description("`azure-openai`: the deployment")]
    public string? Deployment { get; set; }

    [Description("Vector length: 384 for `onnx` and (when unset) `hashing`; sent to remote models only when set")]
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

    [Description("`onnx`: threads one inference uses; as many inferences as the machine has cores run at once")]
    [Range(1, 256)]
    public int IntraOpNumThreads { get; set; } = 1;

    /// <summary>The ONNX model <see cref="Model"/> names, or the default one.</summary>
    public OnnxEmbeddingModel OnnxModel() => string.IsNullOrWhiteSpace(Model) ? OnnxEmbeddingModel.ArcticXs : OnnxEmbeddingModel.Named(Model);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is Onnx && !string.IsNullOrWhiteSpace(Model) && !OnnxEmbeddingModel.All.Any(m => string.Equals(m.Name, Model.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            yield return new ValidationResult($"{nameof(Model)} must be {string.Join(" or ", OnnxEmbeddingModel.All.Select(m => m.Name))} for provider {Onnx} (got '{Model}')", [nameof(Model)]);
        }

        if (Provider is Onnx && Dimensions is > 0 and { } dimensions && dimensions != DefaultLocalDimensions)
        {
            yield return new ValidationResult($"{nameof(Dimensions)} must be {DefaultLocalDimensions} (or unset) for provider {Provider} (got {dimensions})", [nameof(Dimensions)]);
        }

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
