using System.Collections.Concurrent;

namespace AdrPlatform.Bench.Streaming;

/// <summary>First-token latencies and inter-token gaps of many concurrent streams, in milliseconds, and
/// how many answers and tokens went through in all (measured or not).</summary>
public sealed class StreamTimings
{
    private readonly ConcurrentBag<double> _firstTokens = [];
    private readonly ConcurrentBag<double> _gaps = [];
    private int _failures;
    private long _answers;
    private long _tokens;

    public int Failures => _failures;

    public long Answers => Interlocked.Read(ref _answers);

    public long Tokens => Interlocked.Read(ref _tokens);

    public void Counted(int tokens, bool firstOfAnswer)
    {
        Interlocked.Add(ref _tokens, tokens);
        if (firstOfAnswer)
        {
            Interlocked.Increment(ref _answers);
        }
    }

    public void First(TimeSpan elapsed) => _firstTokens.Add(elapsed.TotalMilliseconds);

    public void Gap(TimeSpan elapsed) => _gaps.Add(elapsed.TotalMilliseconds);

    public void Failed() => Interlocked.Increment(ref _failures);

    public List<double> FirstTokens() => [.. _firstTokens.Order()];

    public List<double> Gaps() => [.. _gaps.Order()];
}
