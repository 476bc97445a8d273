using AdrPlatform.Adapters.Chat;
using Microsoft.ML.Tokenizers;

namespace AdrPlatform.Adapters.Tests.Chat;

/// <summary>Cancelled answers are billed by this count, so it must be o200k_base's, the encoding of the GPT-4o family.</summary>
public class TiktokenCounterTests
{
    private readonly TiktokenCounter _counter = new();

    [Fact]
    public void Hello_world_is_the_two_tokens_tiktoken_publishes_for_o200k_base()
    {
        // tiktoken: get_encoding("o200k_base").encode("hello world") == [24912, 2375]
        var gpt4o = TiktokenTokenizer.CreateForModel("gpt-4o");
        Assert.Equal([24912, 2375], gpt4o.EncodeToIds("hello world"));
        Assert.Equal(2, _counter.Count("hello world"));
    }

    [Theory]
    [InlineData("Hello, world!", new[] { "Hello", ",", " world", "!" })]
    [InlineData(" Redis caches sessions.", new[] { " Redis", " caches", " sessions", "." })]
    public void Common_words_are_one_token_each_with_their_leading_space(string text, string[] pieces)
    {
        var gpt4o = TiktokenTokenizer.CreateForModel("gpt-4o");
        Assert.Equal(pieces, gpt4o.EncodeToTokens(text, out _).Select(token => token.Value));
        Assert.Equal(pieces.Length, _counter.Count(text));
    }

    [Fact]
    public void Empty_text_has_no_tokens()
    {
        Assert.Equal(0, _counter.Count(""));
    }
}
