using AdrPlatform.Adapters.Documents;
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

namespace AdrPlatform.Hosting;

/// <summary>The event streams and the job tier: publisher, workers' handlers, parsers and ingestion settings.</summary>
public static class JobServicesExtensions
{
    /// <summary>
    /// Kafka when Streams:Provider is "kafka", else Orleans memory streams — the same namespaces either way.
    /// Subscriptions are kept in the "PubSubStore" grain storage, which the caller adds.
    /// </summary>
    public static ISiloBuilder AddEventStreams(this ISiloBuilder silo, IConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = configuration?.GetSection(PlatformStreamOptions.Section).Get<PlatformStreamOptions>() ?? new PlatformStreamOptions();
        if (!options.UsesKafka)
        {
            if (!string.Equals(options.Provider, PlatformStreamOptions.Memory, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Streams:Provider \"{options.Provider}\" is not supported; use \"memory\" or \"kafka\".");
            }

            // Polled often: search results follow ADR writes through these streams, and there is no broker latency to hide.
            silo.AddMemoryStreams(EventTopics.Provider, streams =>
                streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20))));
            return silo;
        }

        silo.AddKafkaStreams(EventTopics.Provider, kafka =>
        {
            configuration!.GetSection($"{PlatformStreamOptions.Section}:Kafka").Bind(kafka);
            if (string.IsNullOrWhiteSpace(kafka.BootstrapServers))
            {
                throw new InvalidOperationException("Streams:Provider is kafka but Streams:Kafka:BootstrapServers is not set.");
            }

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
        var ingestion = services.AddOptions<IngestionOptions>();
        if (configuration is not null)
        {
            ingestion.Bind(configuration.GetSection(IngestionOptions.Section));
        }

        services.AddDocumentParsing(configuration);
        services.TryAddSingleton<IEventPublisher, OrleansStreamPublisher>();
        services.TryAddSingleton<JobReporter>();
        services.TryAddSingleton<DocumentIngestionHandler>();
        services.TryAddSingleton<EmbeddingsHandler>();
        services.TryAddSingleton<AdrIndexer>();
        return services;
    }
}
