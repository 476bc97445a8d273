using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AdrPlatform.Domain.Egress;
using AdrPlatform.Observability;

namespace AdrPlatform.Egress.Tests;

/// <summary>Listens to <c>adrplatform.egress.refused</c> and counts one tenant's refusals by reason, as a scraper would see them.</summary>
public sealed class RefusalMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byReason = new();
    private readonly string _tenant;

    public RefusalMeter(string tenant)
    {
        _tenant = tenant;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PlatformTelemetry.Name && instrument.Name == "adrplatform.egress.refused")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    public long Count(EgressRefusalReason reason) => _byReason.GetValueOrDefault(ReasonTag(reason));

    public void Dispose() => _listener.Dispose();

    /// <summary>The reason tag as exported: snake case of the reason's name.</summary>
    private static string ReasonTag(EgressRefusalReason reason) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? tenant = null, reason = null, tool = null;
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "tenant": tenant = tag.Value as string; break;
                case "reason": reason = tag.Value as string; break;
                case "tool": tool = tag.Value as string; break;
            }
        }

        if (tenant == _tenant && tool == EgressHost.Tool && reason is not null)
        {
            _byReason.AddOrUpdate(reason, value, (_, count) => count + value);
        }
    }
}
