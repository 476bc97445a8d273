using System.Collections.Concurrent;

namespace AdrPlatform.Streaming.Kafka.Tests.Support;

/// <summary>What the consumer grains processed, shared with the test (silos run in the test process).</summary>
public static class EventLog
{
    private static ConcurrentDictionary<string, ConcurrentQueue<TestEvent>> _processed = new();
    private static ConcurrentDictionary<string, int> _attempts = new();

    /// <summary>Processing time per event, to keep consumers behind producers.</summary>
    public static TimeSpan ProcessingDelay { get; set; }

    public static void Reset()
    {
        _processed = new();
        _attempts = new();
        ProcessingDelay = TimeSpan.Zero;
    }

    public static int CountAttempt(TestEvent item) => _attempts.AddOrUpdate(item.EventId, 1, (_, n) => n + 1);

    public static int Attempts(string eventId) => _attempts.GetValueOrDefault(eventId);

    public static void Record(TestEvent item) => _processed.GetOrAdd(item.Key, _ => new()).Enqueue(item);

    public static IReadOnlyList<TestEvent> Processed(string key) =>
        _processed.TryGetValue(key, out var events) ? events.ToArray() : [];

    public static int DistinctCount(IEnumerable<string> keys) =>
        keys.Sum(key => Processed(key).Select(e => e.Sequence).Distinct().Count());
}
