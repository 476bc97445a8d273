using AdrPlatform.TestKit;

namespace AdrPlatform.Bench.Streaming;

/// <summary>First-token latencies and inter-token gaps of many concurrent streams, and how many answers and
/// tokens went through in all (measured or not).</summary>
public sealed class StreamTimings
{
    private int _failures;
    private long _answers;
    private long _tokens;

    public LatencyRecorder FirstTokens { get; } = new();

    public LatencyRecorder Gaps { get; } = new();

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

    public void Failed() => Interlocked.Increment(ref _failures);
}
