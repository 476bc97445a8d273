using System.Diagnostics;
using AdrPlatform.Streaming.Kafka;
using AdrPlatform.Streaming.Kafka.Testing;
using AdrPlatform.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;

namespace AdrPlatform.Bench.Streams;

/// <summary>Runs one silo with the chosen provider, streams events from the silo's client to implicit consumer grains.</summary>
public static class StreamBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<BenchResult> RunAsync(string provider, BenchSettings settings)
    {
        using var kafka = provider == "kafka" ? KafkaMockCluster.Create(3) : null;
        if (kafka is not null)
        {
            kafka.CreateTopic(BenchSettings.Namespace, settings.Partitions, 3);
            kafka.CreateTopic(BenchSettings.Namespace + KafkaStreamOptions.DeadLetterTopicSuffix, settings.Partitions, 3);
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            silo.AddMemoryGrainStorage("PubSubStore");
            if (kafka is not null)
            {
                silo.AddKafkaStreams(BenchSettings.Provider, options =>
                {
                    options.BootstrapServers = kafka.BootstrapServers;
                    options.ConsumerGroup = "bench";
                    options.Topics.Add(new KafkaTopicOptions(BenchSettings.Namespace, settings.Partitions));
                    options.PollInterval = PollInterval;
                });
            }
            else
            {
                silo.AddMemoryStreams(BenchSettings.Provider, stream =>
                {
                    stream.ConfigurePartitioning(settings.Partitions);
                    stream.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = PollInterval));
                });
            }
        });

        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<IClusterClient>();
            var streams = Enumerable.Range(0, settings.Keys)
                .Select(k => client.GetStreamProvider(BenchSettings.Provider).GetStream<BenchEvent>(StreamId.Create(BenchSettings.Namespace, $"tenant-{k}")))
                .ToArray();

            await SendAndWaitAsync(streams, settings, settings.Warmup);
            return await SendAndWaitAsync(streams, settings, settings.Events);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<BenchResult> SendAndWaitAsync(Orleans.Streams.IAsyncStream<BenchEvent>[] streams, BenchSettings settings, int count)
    {
        Deliveries.Reset();
        using var window = new SemaphoreSlim(settings.Window);
        var payload = new byte[settings.PayloadBytes];
        Random.Shared.NextBytes(payload);
        var sends = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if (settings.Rate > 0 && TimeSpan.FromSeconds((double)i / settings.Rate) - clock.Elapsed is { Ticks: > 0 } ahead)
            {
                await Task.Delay(ahead);
            }

            await window.WaitAsync();
            var send = streams[i % streams.Length].OnNextAsync(new BenchEvent { SentTimestamp = Stopwatch.GetTimestamp(), Sequence = i, Payload = payload });
            sends.Add(send.ContinueWith(_ => window.Release(), TaskScheduler.Default));
        }

        await Task.WhenAll(sends);
        var sent = clock.Elapsed;
        await Eventually.WithinAsync(() => Deliveries.Latencies.Count >= count, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(1));
        var elapsed = clock.Elapsed;
        return new BenchResult(count, sent, elapsed, Deliveries.Latencies.Summary());
    }
}
