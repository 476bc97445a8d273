using System.ClientModel;
using System.Net;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Embeddings;

/// <summary>Tries a request the provider rate-limits again after a pause that doubles each time; the only retries on the embeddings path.</summary>
public sealed class RetryingEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> innerGenerator, int maxRetries, TimeSpan firstBackoff, TimeProvider clock)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(innerGenerator)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var inputs = values as IReadOnlyList<string> ?? [.. values];
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await base.GenerateAsync(inputs, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (retry < maxRetries && IsRateLimited(error))
            {
                await Task.Delay(firstBackoff * Math.Pow(2, retry), clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsRateLimited(Exception error) => error switch
    {
        ClientResultException result => result.Status is 429 or 503,
        HttpRequestException http => http.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable,
        _ => false,
    };
}
