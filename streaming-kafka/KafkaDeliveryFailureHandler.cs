using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>
/// Called by the pulling agent after each failed delivery. When the subscriber's cursor has used up its
/// attempts, the message goes to the dead-letter topic; the cursor then skips it. If publishing fails the
/// cursor keeps retrying the delivery, so nothing is committed that is neither processed nor dead-lettered.
/// </summary>
internal sealed class KafkaDeliveryFailureHandler(QueueId queueId, KafkaQueueRegistry registry, DeadLetterPublisher publisher, ILogger logger)
    : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public async Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        if (sequenceToken is null || registry.Get(queueId) is not { } cache || cache.TryBeginDeadLetter(sequenceToken) is not { } entry)
        {
            return;
        }

        var published = false;
        try
        {
            var reason = $"delivery failed {entry.ExhaustedAttempts} times";
            await publisher.PublishAsync(entry.Container, entry.ExhaustedAttempts, reason, CancellationToken.None);
            published = true;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not dead-letter {Stream} at {Token}; delivery will be retried", streamIdentity, sequenceToken);
        }
        finally
        {
            cache.EndDeadLetter(entry, published);
        }
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        logger.LogWarning("Subscription {Subscription} to {Stream} failed at {Token}", subscriptionId, streamIdentity, sequenceToken);
        return Task.CompletedTask;
    }
}
