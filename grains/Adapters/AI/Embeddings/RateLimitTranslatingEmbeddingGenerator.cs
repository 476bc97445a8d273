using System.ClientModel;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Embeddings;

/// <summary>Turns the SDK's "try again later" answers into <see cref="ProviderRateLimitedException"/>, so callers need not know the SDK.</summary>
public sealed class RateLimitTranslatingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> innerGenerator)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(innerGenerator)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException error) when (error.Status is 429 or 503)
        {
            throw new ProviderRateLimitedException($"The embedding provider answered {error.Status}.", error);
        }
    }
}
