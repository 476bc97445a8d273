using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Embeddings;

/// <summary>
/// Sends at most <see cref="BatchSize"/> inputs per call to the inner generator (providers cap the inputs per
/// request), one batch after another, and returns the embeddings in input order with the usage summed.
/// </summary>
public sealed class BatchingEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    public BatchingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> innerGenerator, int batchSize)
        : base(innerGenerator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        BatchSize = batchSize;
    }

    public int BatchSize { get; }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values as IReadOnlyList<string> ?? [.. values];
        if (inputs.Count <= BatchSize)
        {
            return await base.GenerateAsync(inputs, options, cancellationToken).ConfigureAwait(false);
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        for (var start = 0; start < inputs.Count; start += BatchSize)
        {
            var batch = inputs.Skip(start).Take(BatchSize).ToArray();
            var embeddings = await base.GenerateAsync(batch, options, cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != batch.Length)
            {
                throw new InvalidOperationException($"The embedding provider returned {embeddings.Count} embeddings for {batch.Length} inputs.");
            }

            result.AddRange(embeddings);
            if (embeddings.Usage is { } usage)
            {
                (result.Usage ??= new UsageDetails()).Add(usage);
            }
        }

        return result;
    }
}
