using System.ComponentModel.DataAnnotations;
using AdrPlatform.Adapters.Embeddings;
using AdrPlatform.Adapters.Onnx;
using AdrPlatform.Hosting;
using Microsoft.Extensions.AI;

namespace AdrPlatform.Integration.Tests.Embeddings;

public sealed class EmbeddingProviderTests
{
    private static EmbeddingOptions OpenAIOptions(FakeEmbeddingServer server, string? apiKey = "sk-test") => new()
    {
        Provider = "openai",
        Model = "text-embedding-3-small",
        Endpoint = server.OpenAIEndpoint,
        ApiKey = apiKey,
    };

    [Fact]
    public async Task The_openai_provider_returns_the_servers_vectors_in_input_order()
    {
        await using var server = await FakeEmbeddingServer.StartAsync(requiredApiKey: "sk-test");
        using var generator = EmbeddingProviders.Create(OpenAIOptions(server));
        string[] inputs = ["Use PostgreSQL", "b", "Adopt gRPC everywhere"];

        var embeddings = await generator.GenerateAsync(inputs);

        Assert.Equal(inputs.Length, embeddings.Count);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(FakeEmbeddingServer.VectorFor(inputs[i]), embeddings[i].Vector.ToArray());
        }

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Equal("text-embedding-3-small", request.Model);
        Assert.Equal(inputs, request.Inputs);
        Assert.Null(request.Dimensions);
        Assert.Equal(6, embeddings.Usage?.InputTokenCount);

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal("text-embedding-3-small", metadata?.DefaultModelId);
    }

    [Fact]
    public async Task The_openai_provider_sends_dimensions_and_no_more_than_the_batch_size_per_request()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        var options = OpenAIOptions(server, apiKey: null);
        options.Dimensions = 3;
        options.BatchSize = 2;
        using var generator = EmbeddingProviders.Create(options);
        var inputs = Enumerable.Range(1, 5).Select(i => new string((char)('a' + i), i)).ToArray();

        var embeddings = await generator.GenerateAsync(inputs);

        Assert.Equal(inputs.Select(FakeEmbeddingServer.VectorFor), embeddings.Select(e => e.Vector.ToArray()));
        Assert.Equal([2, 2, 1], server.Requests.Select(r => r.Inputs.Count));
        Assert.Equal(inputs, server.Requests.SelectMany(r => r.Inputs));
        Assert.All(server.Requests, r => Assert.Equal(3, r.Dimensions));
        Assert.All(server.Requests, r => Assert.Equal("Bearer unused", r.Authorization));
    }

    [Fact]
    public async Task A_rejected_api_key_surfaces_as_an_exception()
    {
        await using var server = await FakeEmbeddingServer.StartAsync(requiredApiKey: "sk-right");
        using var generator = EmbeddingProviders.Create(OpenAIOptions(server, apiKey: "sk-wrong"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => generator.GenerateAsync(["Use PostgreSQL"]));
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Equal("Bearer sk-wrong", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task The_azure_provider_calls_the_deployment_with_the_api_key()
    {
        await using var server = await FakeEmbeddingServer.StartAsync(requiredApiKey: "azure-key");
        using var generator = EmbeddingProviders.Create(new EmbeddingOptions
        {
            Provider = "azure-openai",
            Endpoint = server.Address.ToString(),
            ApiKey = "azure-key",
            Deployment = "adr-embeddings",
        });
        string[] inputs = ["Use PostgreSQL", "Adopt gRPC"];

        var embeddings = await generator.GenerateAsync(inputs);

        Assert.Equal(inputs.Select(FakeEmbeddingServer.VectorFor), embeddings.Select(e => e.Vector.ToArray()));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/adr-embeddings/embeddings", request.Path);
        Assert.Equal("adr-embeddings", request.Deployment);
        Assert.False(string.IsNullOrEmpty(request.ApiVersion));
        Assert.Equal("azure-key", request.ApiKey);
        Assert.Equal(inputs, request.Inputs);
    }

    [Theory]
    [InlineData("openai", null, "http://127.0.0.1:8000/v1", null, "Embeddings:Model is required for provider openai")]
    [InlineData("openai", "text-embedding-3-small", null, null, "Embeddings:Endpoint is required for provider openai")]
    [InlineData("openai", "text-embedding-3-small", "  ", null, "Embeddings:Endpoint is required for provider openai")]
    [InlineData("openai", "text-embedding-3-small", "127.0.0.1:8000/v1", null, "Embeddings:Endpoint must be an absolute http(s) URL for provider openai")]
    [InlineData("azure-openai", null, null, "adr-embeddings", "Embeddings:Endpoint is required for provider azure-openai")]
    [InlineData("azure-openai", null, "https://example.openai.azure.com/", "adr-embeddings", "Embeddings:ApiKey is required for provider azure-openai")]
    [InlineData("azure-openai", null, "https://example.openai.azure.com/", null, "Embeddings:Deployment is required for provider azure-openai")]
    [InlineData("cohere", null, null, null, "Embeddings:Provider must be onnx, hashing, openai or azure-openai")]
    [InlineData("onnx", "bge-small", null, null, "Embeddings:Model must be minilm or arctic-xs for provider onnx (got 'bge-small')")]
    public void Missing_or_wrong_settings_are_named(string provider, string? model, string? endpoint, string? deployment, string expected)
    {
        var options = new EmbeddingOptions { Provider = provider, Model = model, Endpoint = endpoint, Deployment = deployment };

        Assert.Contains(SettingsValidator.Problems(options, EmbeddingOptions.Section), problem => problem.StartsWith(expected, StringComparison.Ordinal));
        Assert.Throws<ValidationException>(() => EmbeddingProviders.Create(options));
    }

    [Theory]
    [InlineData(0, 32, "The field Embeddings:Dimensions must be between 1 and 65536. (got 0)")]
    [InlineData(null, 0, "The field Embeddings:BatchSize must be between 1 and 2048. (got 0)")]
    public void Sizes_must_be_positive(int? dimensions, int batchSize, string expected)
    {
        var options = new EmbeddingOptions { Dimensions = dimensions, BatchSize = batchSize };

        Assert.Equal([expected], SettingsValidator.Problems(options, EmbeddingOptions.Section));
        Assert.Throws<ValidationException>(() => EmbeddingProviders.Create(options));
    }

    [Fact]
    public void The_embedded_default_is_the_onnx_arctic_model_and_each_vector_space_has_its_own_id()
    {
        var defaults = new EmbeddingOptions();
        using var generator = EmbeddingProviders.Create(defaults);

        Assert.IsType<OnnxEmbeddingGenerator>(generator);
        Assert.Equal(OnnxEmbeddingModel.ArcticXs.ModelId, EmbeddingProviders.ModelOf(defaults).Id);
        string[] ids =
        [
            EmbeddingProviders.ModelOf(defaults).Id,
            EmbeddingProviders.ModelOf(new EmbeddingOptions { Model = "minilm" }).Id,
            EmbeddingProviders.ModelOf(new EmbeddingOptions { Provider = "hashing" }).Id,
            EmbeddingProviders.ModelOf(new EmbeddingOptions { Provider = "hashing", Dimensions = 256 }).Id,
            EmbeddingProviders.ModelOf(new EmbeddingOptions { Provider = "openai", Model = "text-embedding-3-small", Dimensions = 384 }).Id,
            EmbeddingProviders.ModelOf(new EmbeddingOptions { Provider = "openai", Model = "text-embedding-3-small" }).Id,
        ];
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void A_complete_azure_configuration_builds_without_touching_the_network()
    {
        using var generator = EmbeddingProviders.Create(new EmbeddingOptions
        {
            Provider = "azure-openai",
            Endpoint = "https://example.openai.azure.com/",
            ApiKey = "key",
            Deployment = "adr-embeddings",
        });
        Assert.NotNull(generator);
    }

    [Fact]
    public void The_generator_is_registered_as_a_singleton_from_the_embeddings_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Embeddings:Provider"] = "hashing", ["Embeddings:Dimensions"] = "96" })
            .Build();
        using var provider = Registered(configuration).BuildServiceProvider();

        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Same(generator, provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Equal(96, Assert.IsType<LocalHashingEmbeddingGenerator>(generator).Dimensions);
    }

    [Fact]
    public async Task A_configured_openai_provider_reaches_the_server()
    {
        await using var server = await FakeEmbeddingServer.StartAsync(requiredApiKey: "sk-conf");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Embeddings:Provider"] = "openai",
                ["Embeddings:Model"] = "nomic-embed-text",
                ["Embeddings:Endpoint"] = server.OpenAIEndpoint,
                ["Embeddings:ApiKey"] = "sk-conf",
            })
            .Build();
        await using var provider = Registered(configuration).BuildServiceProvider();

        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var embedding = await generator.GenerateVectorAsync("hello");

        Assert.Equal(FakeEmbeddingServer.VectorFor("hello"), embedding.ToArray());
        Assert.Equal("nomic-embed-text", Assert.Single(server.Requests).Model);
    }

    private static IServiceCollection Registered(IConfiguration configuration) =>
        new ServiceCollection().AddValidatedOptions<EmbeddingOptions>(EmbeddingOptions.Section, configuration).Services.AddAdrPlatformEmbeddings();
}
