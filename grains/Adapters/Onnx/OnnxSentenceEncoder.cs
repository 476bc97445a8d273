using AdrPlatform.Domain.Search;
using Microsoft.ML.OnnxRuntime;

namespace AdrPlatform.Adapters.Onnx;

/// <summary>
/// One model's inference session (ONNX Runtime sessions are thread-safe, so one per process serves every
/// caller) and the pooling and L2 normalisation sentence-transformers applies after the graph.
/// </summary>
public sealed class OnnxSentenceEncoder : IDisposable
{
    private const string HiddenStates = "last_hidden_state";
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = [HiddenStates];

    private readonly InferenceSession _session;
    private readonly WordPieceInput _input;

    public OnnxSentenceEncoder(OnnxEmbeddingModel model, int intraOpThreads)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        Model = model;
        _input = new WordPieceInput(model);
        using var graph = model.OpenResource("model.onnx");
        var bytes = new byte[graph.Length];
        graph.ReadExactly(bytes);
        using var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1 };
        _session = new InferenceSession(bytes, options);
    }

    public OnnxEmbeddingModel Model { get; }

    /// <summary>Unit-length vectors of <paramref name="texts"/>, in order, from one run of the graph.</summary>
    /// <exception cref="OperationCanceledException">Cancelled, also in the middle of the run.</exception>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var (ids, mask, types, length) = _input.Batch(texts);
        long[] shape = [texts.Count, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var run = new RunOptions();
        using var stop = cancellationToken.Register(() => run.Terminate = true);
        try
        {
            using var outputs = _session.Run(run, InputNames, [idsValue, maskValue, typesValue], OutputNames);
            return Pool(outputs[0].GetTensorDataAsSpan<float>(), mask, texts.Count, length);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    public void Dispose() => _session.Dispose();

    private float[][] Pool(ReadOnlySpan<float> states, long[] mask, int rows, int length)
    {
        var dimensions = Model.Dimensions;
        var vectors = new float[rows][];
        for (var row = 0; row < rows; row++)
        {
            var vector = new float[dimensions];
            var tokens = Model.Pooling == SentencePooling.Cls ? 1 : length;
            for (var t = 0; t < tokens; t++)
            {
                if (mask[row * length + t] == 0)
                {
                    continue;
                }

                var state = states.Slice((row * length + t) * dimensions, dimensions);
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] += state[d];
                }
            }

            VectorMath.Normalize(vector); // the mean's divisor cancels out in the normalisation
            vectors[row] = vector;
        }

        return vectors;
    }
}
