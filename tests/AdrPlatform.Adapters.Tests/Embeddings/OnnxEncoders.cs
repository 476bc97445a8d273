using AdrPlatform.Adapters.Onnx;

namespace AdrPlatform.Adapters.Tests.Embeddings;

/// <summary>One generator per model for the whole test class (loading a model takes about a second).</summary>
public sealed class OnnxEncoders : IDisposable
{
    private readonly Dictionary<string, OnnxEmbeddingGenerator> _generators = OnnxEmbeddingModel.All.ToDictionary(
        m => m.Name, m => new OnnxEmbeddingGenerator(new OnnxSentenceEncoder(m, intraOpThreads: 1), batchSize: 4, maxConcurrentRuns: 2));

    public OnnxEmbeddingGenerator this[string model] => _generators[model];

    public void Dispose()
    {
        foreach (var generator in _generators.Values)
        {
            generator.Dispose();
        }
    }
}
