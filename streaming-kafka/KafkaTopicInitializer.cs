using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>Declares every configured topic and its dead-letter twin; topics that already exist are kept.</summary>
internal static class KafkaTopicInitializer
{
    private static readonly TimeSpan AdminTimeout = TimeSpan.FromSeconds(30);

    public static async Task EnsureTopicsAsync(KafkaStreamOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        using var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(options)).Build();
        var existing = await Task.Run(() => ExistingTopics(admin), cancellationToken);

        foreach (var topic in options.Topics)
        {
            if (existing.TryGetValue(topic.Name, out var partitions) && partitions != topic.Partitions)
            {
                throw new InvalidOperationException(
                    $"Kafka topic '{topic.Name}' has {partitions} partitions but the stream provider is configured with {topic.Partitions}; queue mapping would disagree with placement.");
            }
        }

        var missing = options.Topics
            .SelectMany(t => new[] { (Name: t.Name, t.Partitions), (Name: t.Name + KafkaStreamOptions.DeadLetterTopicSuffix, t.Partitions) })
            .Where(t => !existing.ContainsKey(t.Name))
            .Select(t => new TopicSpecification { Name = t.Name, NumPartitions = t.Partitions, ReplicationFactor = options.ReplicationFactor })
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        try
        {
            await admin.CreateTopicsAsync(missing, new CreateTopicsOptions { RequestTimeout = AdminTimeout, OperationTimeout = AdminTimeout });
            logger.LogInformation("Created Kafka topics {Topics}", string.Join(", ", missing.Select(t => t.Name)));
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Another silo declared them first.
        }
    }

    private static Dictionary<string, int> ExistingTopics(IAdminClient admin) =>
        admin.GetMetadata(AdminTimeout).Topics
            .Where(t => t.Error.Code == ErrorCode.NoError)
            .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
}
