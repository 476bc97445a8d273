using AdrPlatform.Ports;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Onnx;

/// <summary>
/// Embeds texts with a local sentence-transformer. Inference runs on the thread pool, never on the caller's
/// scheduler (an Orleans grain's turn), at most <c>maxConcurrentRuns</c> graph runs at once across all callers;
/// a call is cut into batches of similar length (less padding) and checks for cancellation between them.
/// Queries (<see cref="EmbeddingInputs.Query"/>) get the model's query prefix.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OnnxSentenceEncoder _encoder;
    private readonly int _batchSize;
    private readonly SemaphoreSlim _runs;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OnnxEmbeddingGenerator(OnnxSentenceEncoder encoder, int batchSize, int maxConcurrentRuns)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentRuns, 1);
        _encoder = encoder;
        _batchSize = batchSize;
        _runs = new SemaphoreSlim(maxConcurrentRuns, maxConcurrentRuns);
        _metadata = new EmbeddingGeneratorMetadata("onnx", providerUri: null, encoder.Model.ModelId, encoder.Model.Dimensions);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } requested && requested != _encoder.Model.Dimensions)
        {
            throw new NotSupportedException($"{_encoder.Model.ModelId} produces {_encoder.Model.Dimensions}-dimensional vectors; {requested} were requested.");
        }

        var prefix = EmbeddingInputs.IsQuery(options) ? _encoder.Model.QueryPrefix : string.Empty;
        var texts = values.Select(v => prefix + (v ?? string.Empty)).ToArray();
        var byLength = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
        var vectors = new float[texts.Length][];
        for (var start = 0; start < byLength.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = byLength[start..Math.Min(start + _batchSize, byLength.Length)];
            var batch = await RunAsync([.. rows.Select(i => texts[i])], cancellationToken).ConfigureAwait(false);
            for (var r = 0; r < rows.Length; r++)
            {
                vectors[rows[r]] = batch[r];
            }
        }

        return [.. vectors.Select(v => new Embedding<float>(v) { ModelId = _encoder.Model.ModelId })];
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        _runs.Dispose();
        _encoder.Dispose();
    }

    private async Task<float[][]> RunAsync(string[] batch, CancellationToken cancellationToken)
    {
        await _runs.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => _encoder.Encode(batch, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _runs.Release();
        }
    }
}
