using System.Diagnostics;

namespace AdrPlatform.Bench.Streaming;

/// <summary>
/// Times one answer token by token. The fake provider sends <see cref="Token"/> as every token, so a piece
/// of text that carries several tokens (coalesced on the way) counts as that many: its first token gets the
/// whole gap since the previous piece, the others a gap of zero. Unmeasured answers (a steady state's
/// first round) are only counted.
/// </summary>
public sealed class StreamClock(StreamTimings timings, bool measured = true)
{
    public const string Token = " tok";

    private readonly long _started = Stopwatch.GetTimestamp();
    private long? _last;

    public void Received(string text)
    {
        var count = text.Length / Token.Length;
        if (count == 0)
        {
            return;
        }

        timings.Counted(count, firstOfAnswer: _last is null);
        var now = Stopwatch.GetTimestamp();
        if (!measured)
        {
            _last = now;
            return;
        }

        if (_last is { } last)
        {
            timings.Gaps.Record(Stopwatch.GetElapsedTime(last, now));
        }
        else
        {
            timings.FirstTokens.Record(Stopwatch.GetElapsedTime(_started, now));
        }

        for (var i = 1; i < count; i++)
        {
            timings.Gaps.Record(TimeSpan.Zero);
        }

        _last = now;
    }
}
