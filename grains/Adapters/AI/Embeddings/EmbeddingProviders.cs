using System.ClientModel;
using System.ClientModel.Primitives;
using System.ComponentModel.DataAnnotations;
using AdrPlatform.Adapters.Onnx;
using AdrPlatform.Ports;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenAI;

namespace AdrPlatform.Adapters.Embeddings;

/// <summary>Builds the <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that <see cref="EmbeddingOptions"/> asks for.</summary>
public static class EmbeddingProviders
{
    /// <summary>
    /// "onnx" → <see cref="OnnxEmbeddingGenerator"/> over the model <see cref="EmbeddingOptions.Model"/> names (arctic-xs by default);
    /// "hashing" → <see cref="LocalHashingEmbeddingGenerator"/>, a test double (no settings needed);
    /// "openai" → an OpenAI-compatible server (requires Model and Endpoint; ApiKey optional);
    /// "azure-openai" → Azure OpenAI (requires Endpoint, ApiKey and Deployment).
    /// Remote providers send at most <see cref="EmbeddingOptions.BatchSize"/> inputs per request and retry rate-limited
    /// requests <see cref="EmbeddingOptions.MaxRetries"/> times (the SDK's own retries are off).
    /// </summary>
    /// <exception cref="ValidationException">A setting is missing or invalid; the message names it.</exception>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        switch (options.Provider)
        {
            case EmbeddingOptions.OpenAI:
            {
                var client = new OpenAIClient(
                    new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey),
                    new OpenAIClientOptions { Endpoint = new Uri(options.Endpoint!.Trim()), RetryPolicy = new ClientRetryPolicy(0) });
                return Remote(client.GetEmbeddingClient(options.Model!.Trim()).AsIEmbeddingGenerator(options.Dimensions), options, clock);
            }

            case EmbeddingOptions.AzureOpenAI:
            {
                var client = new AzureOpenAIClient(
                    new Uri(options.Endpoint!.Trim()), new ApiKeyCredential(options.ApiKey!), new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0) });
                return Remote(client.GetEmbeddingClient(options.Deployment!.Trim()).AsIEmbeddingGenerator(options.Dimensions), options, clock);
            }

            case EmbeddingOptions.Onnx:
                return new OnnxEmbeddingGenerator(
                    new OnnxSentenceEncoder(options.OnnxModel(), options.IntraOpNumThreads), options.BatchSize, Environment.ProcessorCount);

            default:
                return new LocalHashingEmbeddingGenerator(options.Dimensions ?? EmbeddingOptions.DefaultLocalDimensions);
        }
    }

    /// <summary>
    /// What identifies the vectors <paramref name="options"/> produce, stored beside each one: vectors of two
    /// different models (or sizes) are never compared.
    /// </summary>
    public static EmbeddingModel ModelOf(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dimensions = options.Dimensions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "native";
        return new EmbeddingModel(options.Provider switch
        {
            EmbeddingOptions.Onnx => options.OnnxModel().ModelId,
            EmbeddingOptions.OpenAI => $"openai/{options.Model?.Trim()}/{dimensions}",
            EmbeddingOptions.AzureOpenAI => $"azure-openai/{options.Deployment?.Trim()}/{dimensions}",
            _ => $"{LocalHashingEmbeddingGenerator.ModelId}/{options.Dimensions ?? EmbeddingOptions.DefaultLocalDimensions}",
        });
    }

    /// <summary>
    /// Registers a singleton <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> of strings to float embeddings built
    /// from <see cref="EmbeddingOptions"/>, which the host binds and checks.
    /// </summary>
    public static IServiceCollection AddAdrPlatformEmbeddings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => Create(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value, sp.GetService<TimeProvider>()));
        services.AddSingleton(sp => ModelOf(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        return services;
    }

    private static BatchingEmbeddingGenerator Remote(IEmbeddingGenerator<string, Embedding<float>> provider, EmbeddingOptions options, TimeProvider? clock) =>
        new(new RetryingEmbeddingGenerator(provider, options.MaxRetries, options.FirstBackoff, clock ?? TimeProvider.System), options.BatchSize);
}
