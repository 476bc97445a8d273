using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AdrPlatform.Streaming.Kafka.Tests.Support;

/// <summary>Chooses the stream provider from configuration, as the application does; nothing else differs.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        siloBuilder.AddMemoryGrainStorage("PubSubStore");
        siloBuilder.Services.AddSingleton<IDeadLetterObserver, RecordingDeadLetterObserver>();
        if (configuration["Streams:Provider"] == "kafka")
        {
            siloBuilder.AddKafkaStreams(StreamNames.Provider, options =>
            {
                options.BootstrapServers = configuration["Streams:BootstrapServers"]!;
                options.ConsumerGroup = configuration["Streams:ConsumerGroup"]!;
                options.Topics.Add(new KafkaTopicOptions(StreamNames.Namespace, StreamTestCluster.Partitions));
                options.MaxDeliveryAttempts = 3;
                options.DeliveryRetryDelay = TimeSpan.FromMilliseconds(200);
                options.CommitInterval = TimeSpan.FromMilliseconds(200);
                options.LingerMs = 1;
            });
        }
        else
        {
            siloBuilder.AddMemoryStreams(StreamNames.Provider);
        }
    }
}
