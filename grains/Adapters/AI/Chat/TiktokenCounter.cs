using AdrPlatform.Ports;
using Microsoft.ML.Tokenizers;

namespace AdrPlatform.Adapters.Chat;

/// <summary>Counts with OpenAI's o200k_base encoding (GPT-4o family), shipped in a NuGet package: no download.</summary>
public sealed class TiktokenCounter : ITokenCounter
{
    private readonly TiktokenTokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");

    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.CountTokens(text);
}
