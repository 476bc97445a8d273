using Microsoft.ML.Tokenizers;

namespace AdrPlatform.Adapters.Onnx;

/// <summary>
/// Turns texts into the padded id and mask matrices a BERT graph takes: the model's own WordPiece vocabulary,
/// lower-cased with accents stripped (the models are uncased), [CLS] … [SEP], cut at the model's token limit.
/// </summary>
internal sealed class WordPieceInput
{
    private readonly BertTokenizer _tokenizer;
    private readonly int _maxTokens;

    public WordPieceInput(OnnxEmbeddingModel model)
    {
        using var vocabulary = model.OpenResource("vocab.txt");
        _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        _maxTokens = model.MaxTokens;
    }

    /// <summary>The token ids of <paramref name="text"/> between [CLS] and [SEP], at most the model's limit in all.</summary>
    public int[] Ids(string text)
    {
        var body = _tokenizer.EncodeToIds(text, _maxTokens - 2, addSpecialTokens: false, out _, out _);
        var ids = new int[body.Count + 2];
        ids[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < body.Count; i++)
        {
            ids[i + 1] = body[i];
        }

        ids[^1] = _tokenizer.SeparatorTokenId;
        return ids;
    }

    /// <summary>Row-major [texts × longest] input ids, attention mask and token types (all zero), padded with 0.</summary>
    public (long[] Ids, long[] Mask, long[] Types, int Length) Batch(IReadOnlyList<string> texts)
    {
        var encoded = texts.Select(Ids).ToArray();
        var length = encoded.Max(e => e.Length);
        var ids = new long[texts.Count * length];
        var mask = new long[ids.Length];
        for (var row = 0; row < encoded.Length; row++)
        {
            for (var t = 0; t < encoded[row].Length; t++)
            {
                ids[row * length + t] = encoded[row][t];
                mask[row * length + t] = 1;
            }
        }

        return (ids, mask, new long[ids.Length], length);
    }
}
