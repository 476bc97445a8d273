using System.ClientModel;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenAI;

namespace AdrPlatform.Adapters.Embeddings;

/// <summary>Builds the <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that <see cref="EmbeddingOptions"/> asks for.</summary>
public static class EmbeddingProviders
{
    /// <summary>
    /// "local" → <see cref="LocalHashingEmbeddingGenerator"/> (no settings needed);
    /// "openai" → an OpenAI-compatible server (requires Model and Endpoint; ApiKey optional);
    /// "azure-openai" → Azure OpenAI (requires Endpoint, ApiKey and Deployment).
    /// Remote providers are wrapped so that no request carries more than <see cref="EmbeddingOptions.BatchSize"/> inputs.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider is unknown or a setting it needs is missing or invalid; the message names the setting.</exception>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = (options.Provider ?? string.Empty).Trim().ToLowerInvariant();
        if (provider.Length == 0)
        {
            provider = EmbeddingOptions.Local;
        }

        if (options.Dimensions is < 1)
        {
            throw Invalid($"{Setting(nameof(EmbeddingOptions.Dimensions))} must be positive (got {options.Dimensions})");
        }

        if (options.BatchSize < 1)
        {
            throw Invalid($"{Setting(nameof(EmbeddingOptions.BatchSize))} must be positive (got {options.BatchSize})");
        }

        switch (provider)
        {
            case EmbeddingOptions.Local:
                return new LocalHashingEmbeddingGenerator(options.Dimensions ?? EmbeddingOptions.DefaultLocalDimensions);

            case EmbeddingOptions.OpenAI:
            {
                var model = Required(options.Model, nameof(EmbeddingOptions.Model), provider);
                var endpoint = RequiredUrl(options.Endpoint, provider);
                var apiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey;
                var client = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = endpoint });
                return new BatchingEmbeddingGenerator(new RateLimitTranslatingEmbeddingGenerator(client.GetEmbeddingClient(model).AsIEmbeddingGenerator(options.Dimensions)), options.BatchSize);
            }

            case EmbeddingOptions.AzureOpenAI:
            {
                var endpoint = RequiredUrl(options.Endpoint, provider);
                var apiKey = Required(options.ApiKey, nameof(EmbeddingOptions.ApiKey), provider);
                var deployment = Required(options.Deployment, nameof(EmbeddingOptions.Deployment), provider);
                var client = new AzureOpenAIClient(endpoint, new ApiKeyCredential(apiKey));
                return new BatchingEmbeddingGenerator(new RateLimitTranslatingEmbeddingGenerator(client.GetEmbeddingClient(deployment).AsIEmbeddingGenerator(options.Dimensions)), options.BatchSize);
            }

            default:
                throw Invalid($"{Setting(nameof(EmbeddingOptions.Provider))} '{options.Provider}' is not supported; use '{EmbeddingOptions.Local}', '{EmbeddingOptions.OpenAI}' or '{EmbeddingOptions.AzureOpenAI}'");
        }
    }

    /// <summary>
    /// Registers <see cref="EmbeddingOptions"/> (bound from the "Embeddings" section) and a singleton
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> of strings to float embeddings built from them.
    /// </summary>
    public static IServiceCollection AddAdrPlatformEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.Section));
        services.AddSingleton(sp => Create(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        return services;
    }

    private static string Setting(string name) => $"{EmbeddingOptions.Section}:{name}";

    private static InvalidOperationException Invalid(string message) => new(message + ".");

    private static string Required(string? value, string setting, string provider) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid($"{Setting(setting)} is required for provider {provider}") : value.Trim();

    private static Uri RequiredUrl(string? value, string provider)
    {
        var text = Required(value, nameof(EmbeddingOptions.Endpoint), provider);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw Invalid($"{Setting(nameof(EmbeddingOptions.Endpoint))} must be an absolute http(s) URL for provider {provider} (got '{text}')");
    }
}
