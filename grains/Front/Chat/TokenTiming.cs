using System.Diagnostics;
using AdrPlatform.Observability;

namespace AdrPlatform.Grains.Chat;

/// <summary>Records how long an answer took to its first delta (from the question's arrival), then the gap before each later one.</summary>
internal sealed class TokenTiming(TimeProvider clock, TagList tags)
{
    private readonly long _started = clock.GetTimestamp();
    private long? _last;

    public void DeltaSent()
    {
        var now = clock.GetTimestamp();
        (_last is null ? PlatformTelemetry.FirstTokenLatency : PlatformTelemetry.InterTokenGap)
            .Record(clock.GetElapsedTime(_last ?? _started, now).TotalMilliseconds, tags);
        _last = now;
    }
}
