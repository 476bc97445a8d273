using AdrPlatform.Adapters.Embeddings;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Hosting;

/// <summary>
/// Builds the embedding generator while the host starts, so a local model is loaded before the first request
/// (not inside a grain's turn), and says which embedder is in use.
/// </summary>
internal sealed partial class EmbeddingWarmup(IServiceProvider services, IOptions<EmbeddingOptions> options, ILogger<EmbeddingWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Started(logger, options.Value.Provider, services.GetRequiredService<EmbeddingModel>().Id);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Embeddings: provider {Provider}, model {Model}")]
    private static partial void Started(ILogger logger, string provider, string model);
}
