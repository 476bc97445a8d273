using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>Copies a message to its topic's <c>.dlq</c> twin (same key and payload) and tells the observer.</summary>
internal sealed class DeadLetterPublisher(IProducer<byte[], byte[]> producer, IDeadLetterObserver? observer, ILogger logger)
{
    public async Task PublishAsync(KafkaBatchContainer container, int attempts, string reason, CancellationToken cancellationToken)
    {
        var source = container.Source ?? throw new InvalidOperationException("Only received messages can be dead-lettered.");
        var headers = new Headers();
        foreach (var header in source.Headers)
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        headers.Add(KafkaHeaderNames.DeadLetterReason, Encoding.UTF8.GetBytes(reason));
        headers.Add(KafkaHeaderNames.DeadLetterAttempts, Ascii(attempts));
        headers.Add(KafkaHeaderNames.SourceTopic, Encoding.UTF8.GetBytes(source.Position.Topic));
        headers.Add(KafkaHeaderNames.SourcePartition, Ascii(source.Position.Partition.Value));
        headers.Add(KafkaHeaderNames.SourceOffset, Ascii(source.Position.Offset.Value));

        var topic = source.Position.Topic + KafkaStreamOptions.DeadLetterTopicSuffix;
        await producer.ProduceAsync(topic, new Message<byte[], byte[]> { Key = source.Key, Value = source.Value, Headers = headers }, cancellationToken);
        logger.LogWarning("Dead-lettered {Position} to {Topic} after {Attempts} attempts: {Reason}", source.Position, topic, attempts, reason);

        if (observer is null)
        {
            return;
        }

        var letter = new DeadLetter(source.Position.Topic, Encoding.UTF8.GetString(source.Key), container.Events, attempts, reason);
        try
        {
            await observer.OnDeadLetteredAsync(letter, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Dead-letter observer failed for {Position}", source.Position);
        }
    }

    private static byte[] Ascii(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));
}
