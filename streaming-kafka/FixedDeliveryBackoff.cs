using Orleans.Runtime.Providers;

namespace AdrPlatform.Streaming.Kafka;

internal sealed class FixedDeliveryBackoff(TimeSpan delay) : IMessageDeliveryBackoffProvider
{
    public TimeSpan Next(int attempt) => delay;
}
