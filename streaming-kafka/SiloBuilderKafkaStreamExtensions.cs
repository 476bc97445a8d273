using AdrPlatform.Streaming.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Orleans.Hosting;

public static class SiloBuilderKafkaStreamExtensions
{
    /// <summary>
    /// Adds a persistent stream provider on Kafka: every stream namespace is a topic, a stream's key is
    /// the message key, each partition is one queue. Needs grain storage "PubSubStore" like any persistent
    /// stream provider.
    /// </summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder silo, string providerName, Action<KafkaStreamOptions> configure) =>
        silo.AddKafkaStreams(providerName, _ => { }, configure);

    /// <inheritdoc cref="AddKafkaStreams(ISiloBuilder, string, Action{KafkaStreamOptions})"/>
    /// <param name="configureStream">Further stream settings, e.g. the queue balancer; applied after the provider's own.</param>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder silo, string providerName, Action<ISiloPersistentStreamConfigurator> configureStream, Action<KafkaStreamOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configureStream);
        ArgumentNullException.ThrowIfNull(configure);
        return silo.AddPersistentStreams(providerName, KafkaAdapterFactory.Create, stream =>
        {
            stream.Configure<KafkaStreamOptions>(options => options.Configure(configure));

            // The agent retries a failing delivery internally until MaxEventDeliveryTime has passed. Making that
            // shorter than the backoff gives exactly one attempt per round, so the cache cursor can count attempts
            // and repeat the delivery itself (see KafkaQueueCacheCursor).
            stream.ConfigurePullingAgent(agent => agent.Configure<IOptionsMonitor<KafkaStreamOptions>>((agentOptions, kafka) =>
            {
                var kafkaOptions = kafka.Get(providerName);
                agentOptions.GetQueueMsgsTimerPeriod = kafkaOptions.PollInterval;
                agentOptions.MaxEventDeliveryTime = kafkaOptions.DeliveryRetryDelay * 0.9;
            }));
            stream.ConfigureBackoffProvider((services, name) =>
                new FixedDeliveryBackoff(services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name).DeliveryRetryDelay));
            configureStream(stream);
        });
    }
}
