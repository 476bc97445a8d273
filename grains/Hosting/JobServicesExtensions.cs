using AdrPlatform.Adapters.Documents;
using AdrPlatform.Adapters.Documents.Isolation;
using AdrPlatform.Adapters.Embeddings;
using AdrPlatform.Adapters.Streams;
using AdrPlatform.Domain.Jobs;
using AdrPlatform.Events;
using AdrPlatform.Grains;
using AdrPlatform.Ports;
using AdrPlatform.Streaming.Kafka;
using AdrPlatform.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Hosting;

/// <summary>The event streams and the job tier: publisher, workers' handlers, parsers, ingestion settings and the egress guard.</summary>
public static class JobServicesExtensions
{
    /// <summary>
    /// Kafka when Streams:Provider is "kafka", else Orleans memory streams — the same namespaces either way.
    /// Subscriptions are kept in the "PubSubStore" grain storage, which the caller adds.
    /// </summary>
    public static ISiloBuilder AddEventStreams(this ISiloBuilder silo, IConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = configuration?.GetValidated<PlatformStreamOptions>(PlatformStreamOptions.Section) ?? new PlatformStreamOptions();
        if (!options.UsesKafka)
        {
            // Polled often: search results follow ADR writes through these streams, and there is no broker latency to hide.
            silo.AddMemoryStreams(EventTopics.Provider, streams =>
            {
                streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20)));
                streams.ConfigurePartitionBalancing(WorkerQueueBalancer.Create);
            });
            return silo;
        }

        silo.AddKafkaStreams(EventTopics.Provider, stream => stream.ConfigurePartitionBalancing(WorkerQueueBalancer.Create), kafka =>
        {
            configuration!.GetSection($"{PlatformStreamOptions.Section}:{nameof(PlatformStreamOptions.Kafka)}").Bind(kafka);
            foreach (var topic in EventTopics.All.Where(name => kafka.Topics.All(t => t.Name != name)))
            {
                kafka.Topics.Add(new KafkaTopicOptions(topic, options.Partitions));
            }
        });
        silo.Services.TryAddSingleton<IDeadLetterObserver, JobDeadLetterObserver>();
        return silo;
    }

    public static IServiceCollection AddJobServices(this IServiceCollection services, IConfiguration? configuration)
    {
        services.AddValidatedOptions<IngestionOptions>(IngestionOptions.Section, configuration);
        services.AddValidatedOptions<DocumentParserOptions>(DocumentParserOptions.Section, configuration);
        services.AddDocumentParsing();
        services.AddEgress(configuration);
        services.TryAddSingleton(provider => new EmbeddingBatchSize(provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value.BatchSize));
        services.TryAddSingleton<IEventPublisher, OrleansStreamPublisher>();
        services.TryAddSingleton<JobReporter>();
        services.TryAddSingleton<DocumentIngestionHandler>();
        services.TryAddSingleton<EmbeddingsHandler>();
        services.TryAddSingleton<AdrIndexer>();
        services.TryAddSingleton<EmbeddingRefresher>();
        return services;
    }
}
