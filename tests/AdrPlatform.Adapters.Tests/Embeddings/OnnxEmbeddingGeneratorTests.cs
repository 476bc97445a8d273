using AdrPlatform.Adapters.Onnx;
using AdrPlatform.Domain.Search;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Adapters.Tests.Embeddings;

public sealed class OnnxEmbeddingGeneratorTests(OnnxEncoders encoders) : IClassFixture<OnnxEncoders>
{
    public static TheoryData<string> Models => [.. OnnxEmbeddingModel.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Sentences_that_mean_the_same_are_closer_than_unrelated_ones(string model)
    {
        var vectors = await encoders[model].GenerateAsync(["We use PostgreSQL for storage", "The database is Postgres", "Cats like fish"]);

        var related = Cosine(vectors[0], vectors[1]);
        var unrelated = Cosine(vectors[0], vectors[2]);
        Assert.True(related > unrelated + 0.2, $"related {related:F2}, unrelated {unrelated:F2}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Vectors_are_unit_length_and_in_input_order_whatever_the_batching(string model)
    {
        string[] texts = ["a", "Use Kafka for the event streams between the services of the platform", "", "Short one", "Orleans grains hold each tenant's state"];

        var together = await encoders[model].GenerateAsync(texts);

        Assert.Equal(texts.Length, together.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var alone = (await encoders[model].GenerateAsync([texts[i]]))[0];
            Assert.Equal(384, together[i].Vector.Length);
            Assert.Equal(1.0, Math.Sqrt(Cosine(together[i], together[i])), 3);
            Assert.True(Cosine(together[i], alone) > 0.9999, $"text {i} differs when batched with longer texts");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Text_past_the_models_token_limit_is_cut_there(string model)
    {
        var limit = OnnxEmbeddingModel.Named(model).MaxTokens;
        var head = "Decision: we adopt PostgreSQL. " + string.Join(' ', Enumerable.Repeat("storage", limit));

        var vectors = await encoders[model].GenerateAsync([head, head + " completely different trailing words about cats"]);

        Assert.True(Cosine(vectors[0], vectors[1]) > 0.9999);
    }

    [Fact]
    public async Task Queries_get_the_arctic_query_prefix_and_minilm_embeds_them_as_they_are()
    {
        const string text = "which database do we use";

        var arcticPassage = (await encoders[OnnxEmbeddingModel.ArcticXsName].GenerateAsync([text]))[0];
        var arcticQuery = (await encoders[OnnxEmbeddingModel.ArcticXsName].GenerateAsync([text], EmbeddingInputs.Query()))[0];
        var miniPassage = (await encoders[OnnxEmbeddingModel.MiniLmName].GenerateAsync([text]))[0];
        var miniQuery = (await encoders[OnnxEmbeddingModel.MiniLmName].GenerateAsync([text], EmbeddingInputs.Query()))[0];

        Assert.True(Cosine(arcticPassage, arcticQuery) < 0.99);
        Assert.True(Cosine(miniPassage, miniQuery) > 0.9999);
    }

    [Fact]
    public async Task A_cancelled_request_stops_before_running_the_model()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            encoders[OnnxEmbeddingModel.MiniLmName].GenerateAsync(["one", "two"], cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Metadata_names_the_model()
    {
        var metadata = encoders[OnnxEmbeddingModel.ArcticXsName].GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("Snowflake/snowflake-arctic-embed-xs", metadata?.DefaultModelId);
        Assert.Equal(384, metadata?.DefaultModelDimensions);
    }

    private static double Cosine(Embedding<float> a, Embedding<float> b) =>
        VectorMath.Cosine(a.Vector.Span, b.Vector.Span);
}
