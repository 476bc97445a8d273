using System.Collections.Concurrent;

namespace AdrPlatform.Streaming.Kafka.Tests.Support;

public sealed class RecordingDeadLetterObserver : IDeadLetterObserver
{
    public static ConcurrentQueue<DeadLetter> Letters { get; private set; } = new();

    public static void Reset() => Letters = new();

    public Task OnDeadLetteredAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        Letters.Enqueue(letter);
        return Task.CompletedTask;
    }
}
