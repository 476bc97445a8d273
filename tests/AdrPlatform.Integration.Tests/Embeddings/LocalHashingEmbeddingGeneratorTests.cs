using System.Diagnostics;
using AdrPlatform.Adapters.Embeddings;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Integration.Tests.Embeddings;

public sealed class LocalHashingEmbeddingGeneratorTests
{
    private static float[] Embed(LocalHashingEmbeddingGenerator generator, string text) =>
        generator.GenerateAsync([text]).GetAwaiter().GetResult().Single().Vector.ToArray();

    internal static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    private static double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));

    [Fact]
    public void The_same_text_gives_the_identical_vector_from_separate_instances()
    {
        const string text = "Use PostgreSQL as the primary database, with pgvector for embeddings.";
        using var first = new LocalHashingEmbeddingGenerator();
        using var second = new LocalHashingEmbeddingGenerator();
        Assert.Equal(Embed(first, text), Embed(second, text));
        Assert.Equal(Embed(first, text), Embed(first, text));
    }

    [Fact]
    public void Vectors_are_stable_across_processes_and_releases()
    {
        // Pinned: stored vectors are only comparable with new ones while this holds. If the algorithm
        // changes on purpose, bump LocalHashingEmbeddingGenerator.ModelId and re-pin.
        using var generator = new LocalHashingEmbeddingGenerator(16);
        var vector = Embed(generator, "Use PostgreSQL");
        float[] rounded = [.. vector.Select(x => MathF.Round(x, 4))];
        Assert.True(Golden.SequenceEqual(rounded), "[" + string.Join(", ", rounded.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f")) + "]");
    }

    private static readonly float[] Golden = [0f, 0f, 0f, -0.2294f, 0f, 0.2294f, 0.2294f, 0.6882f, 0f, -0.2294f, 0f, 0f, -0.2294f, 0f, -0.4588f, 0.2294f];

    [Fact]
    public void Vectors_have_unit_length_and_the_configured_dimensions()
    {
        using var generator = new LocalHashingEmbeddingGenerator();
        Assert.Equal(384, generator.Dimensions);
        foreach (var text in new[] { "a", "Use PostgreSQL", "Record architecture decisions as Markdown files in the repository, one per decision." })
        {
            var vector = Embed(generator, text);
            Assert.Equal(384, vector.Length);
            Assert.Equal(1.0, Norm(vector), 5);
        }

        using var small = new LocalHashingEmbeddingGenerator(64);
        Assert.Equal(64, Embed(small, "Use PostgreSQL").Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--- ... !!!")]
    public void Text_without_words_gives_the_zero_vector(string text)
    {
        using var generator = new LocalHashingEmbeddingGenerator();
        var vector = Embed(generator, text);
        Assert.Equal(384, vector.Length);
        Assert.All(vector, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void A_text_is_its_own_nearest_neighbour()
    {
        using var generator = new LocalHashingEmbeddingGenerator();
        var vector = Embed(generator, "Adopt gRPC for service-to-service calls");
        Assert.Equal(1.0, Cosine(vector, vector), 5);
    }

    [Fact]
    public void Texts_sharing_words_are_closer_than_unrelated_texts()
    {
        using var generator = new LocalHashingEmbeddingGenerator();
        var query = Embed(generator, "use PostgreSQL as the primary database");
        var related = Embed(generator, "PostgreSQL database for storage");
        var inflected = Embed(generator, "Databases: Postgres or PostgreSQL?");
        var unrelated = Embed(generator, "frontend button colours");

        Assert.True(Cosine(query, related) > Cosine(query, unrelated), $"{Cosine(query, related)} <= {Cosine(query, unrelated)}");
        Assert.True(Cosine(query, inflected) > Cosine(query, unrelated));
        Assert.True(Cosine(query, unrelated) < 0.2, $"unrelated cosine {Cosine(query, unrelated)}");
        Assert.True(Cosine(query, related) > 0.3, $"related cosine {Cosine(query, related)}");
    }

    [Fact]
    public void Case_and_punctuation_do_not_matter_but_word_order_does_a_little()
    {
        using var generator = new LocalHashingEmbeddingGenerator();
        Assert.Equal(Embed(generator, "use postgresql"), Embed(generator, "Use PostgreSQL!"));
        var swapped = Cosine(Embed(generator, "event sourcing for orders"), Embed(generator, "orders for event sourcing"));
        Assert.InRange(swapped, 0.5, 0.9999);
    }

    [Fact]
    public void Metadata_says_what_it_is()
    {
        using var generator = new LocalHashingEmbeddingGenerator(128);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.NotNull(metadata);
        Assert.Equal("local-hashing", metadata.ProviderName);
        Assert.Equal("adrplatform-hashing-v1", metadata.DefaultModelId);
        Assert.Equal(128, metadata.DefaultModelDimensions);
        Assert.Same(generator, generator.GetService<LocalHashingEmbeddingGenerator>());
        Assert.Null(generator.GetService(typeof(EmbeddingGeneratorMetadata), serviceKey: "other"));
        Assert.Null(generator.GetService(typeof(string)));
    }

    [Fact]
    public async Task A_cancelled_token_cancels_the_batch()
    {
        using var generator = new LocalHashingEmbeddingGenerator();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["a", "b"], cancellationToken: cancelled.Token));

        // Cancellation part-way through a lazily enumerated batch is honoured too.
        using var midway = new CancellationTokenSource();
        IEnumerable<string> Inputs()
        {
            yield return "first";
            midway.Cancel();
            yield return "second";
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(Inputs(), cancellationToken: midway.Token));
    }

    [Fact]
    public async Task A_batch_gives_one_vector_per_input_in_order_and_quickly()
    {
        using var generator = new LocalHashingEmbeddingGenerator();
        var texts = Enumerable.Range(0, 10_000).Select(i => $"ADR {i}: use service {i % 97} with queue q{i % 13} and cache layer").ToArray();
        await generator.GenerateAsync(texts); // warm up (JIT)

        var stopwatch = Stopwatch.StartNew();
        var embeddings = await generator.GenerateAsync(texts);
        stopwatch.Stop();

        Assert.Equal(texts.Length, embeddings.Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"10,000 texts took {stopwatch.Elapsed}");
        foreach (var i in new[] { 0, 1, 4_321, 9_999 })
        {
            Assert.Equal(Embed(generator, texts[i]), embeddings[i].Vector.ToArray());
        }

        Assert.Equal("adrplatform-hashing-v1", embeddings[0].ModelId);
        Assert.True(embeddings.Usage?.InputTokenCount > 0);
        Assert.Empty(await generator.GenerateAsync([]));
    }

    [Fact]
    public async Task Concurrent_callers_get_the_same_vectors()
    {
        using var generator = new LocalHashingEmbeddingGenerator();
        var texts = Enumerable.Range(0, 200).Select(i => $"decision {i} about topic {i % 7}").ToArray();
        var expected = (await generator.GenerateAsync(texts)).Select(e => e.Vector.ToArray()).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => generator.GenerateAsync(texts))));
        foreach (var result in results)
        {
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal(expected[i], result[i].Vector.ToArray());
            }
        }
    }

    [Fact]
    public async Task Asking_for_other_dimensions_is_refused()
    {
        using var generator = new LocalHashingEmbeddingGenerator();
        await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateAsync(["a"], new EmbeddingGenerationOptions { Dimensions = 1536 }));
        Assert.Single(await generator.GenerateAsync(["a"], new EmbeddingGenerationOptions { Dimensions = 384 }));
    }

    [Fact]
    public void The_hashing_provider_is_this_generator()
    {
        using var generator = EmbeddingProviders.Create(new EmbeddingOptions { Provider = "hashing" });
        var hashing = Assert.IsType<LocalHashingEmbeddingGenerator>(generator);
        Assert.Equal(384, hashing.Dimensions);

        using var sized = EmbeddingProviders.Create(new EmbeddingOptions { Provider = "hashing", Dimensions = 256 });
        Assert.Equal(256, Assert.IsType<LocalHashingEmbeddingGenerator>(sized).Dimensions);
    }
}
