using System.Collections.Concurrent;
using System.Diagnostics;
using AdrPlatform.Contracts.Adr.V1;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>
/// Clients creating and updating ADRs while a test disrupts the cluster. Every acknowledged write is recorded, so the
/// test can check afterwards that none was lost; every failed call is recorded with its status and time.
/// </summary>
public sealed class AcknowledgedWrites : IDisposable
{
    private readonly ConcurrentQueue<Acknowledgement> _acknowledged = new();
    private readonly ConcurrentQueue<(TimeSpan At, StatusCode Code)> _failures = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly AdrService.AdrServiceClient _adrs;
    private readonly Metadata? _headers;
    private readonly Task[] _writers;

    private AcknowledgedWrites(AdrService.AdrServiceClient adrs, Metadata? headers, int writers)
    {
        _adrs = adrs;
        _headers = headers;
        _writers = [.. Enumerable.Range(0, writers).Select(writer => Task.Run(() => WriteAsync(writer)))];
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyCollection<Acknowledgement> Acknowledged => _acknowledged;

    public IReadOnlyCollection<(TimeSpan At, StatusCode Code)> Failures => _failures;

    /// <summary>Starts <paramref name="writers"/> clients sending <paramref name="headers"/> (none: the client's invoker adds what it needs).</summary>
    public static AcknowledgedWrites Start(AdrService.AdrServiceClient adrs, Metadata? headers, int writers) => new(adrs, headers, writers);

    /// <summary>When the last call failed, or <paramref name="since"/> if none has.</summary>
    public TimeSpan LastFailureOr(TimeSpan since) => _failures.IsEmpty ? since : _failures.Max(f => f.At);

    /// <summary>
    /// Writes on until no call has failed for <paramref name="quietPeriod"/> (longer than a call's deadline, so a call stuck
    /// on a dead silo fails inside it) or <paramref name="limit"/> has passed since <paramref name="since"/>; then stops.
    /// </summary>
    public async Task StopWhenQuietAsync(TimeSpan since, TimeSpan quietPeriod, TimeSpan limit)
    {
        while (Elapsed - LastFailureOr(since) < quietPeriod && Elapsed - since < limit)
        {
            await Task.Delay(250);
        }

        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
    }

    public string Summary() =>
        $"acknowledged writes: {_acknowledged.Count}; failed calls: {_failures.Count} ({string.Join(", ", _failures.GroupBy(f => f.Code).Select(g => $"{g.Key}={g.Count()}"))})";

    /// <summary>
    /// No id was acknowledged as created twice, each ADR is at least at its last acknowledged version, and every
    /// acknowledged version reads back with the title it was acknowledged with.
    /// </summary>
    public async Task AssertNoneLostAsync()
    {
        var created = _acknowledged.Where(a => a.Created).Select(a => a.Id).ToList();
        Assert.Equal(created.Count, created.Distinct().Count());
        Assert.Equal(_acknowledged.Count, _acknowledged.DistinctBy(a => (a.Id, a.Version)).Count());
        foreach (var adr in _acknowledged.GroupBy(a => a.Id))
        {
            var stored = await _adrs.GetAdrAsync(new GetAdrRequest { Id = adr.Key }, _headers);
            Assert.True(stored.Version >= adr.Max(a => a.Version), $"{adr.Key}: acknowledged version {adr.Max(a => a.Version)}, stored {stored.Version}");
            foreach (var write in adr)
            {
                var version = await _adrs.GetVersionAsync(new GetVersionRequest { Id = write.Id, Version = write.Version }, _headers);
                Assert.Equal(write.Title, version.Title);
            }
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task WriteAsync(int writer)
    {
        string? mine = null;
        var version = 0;
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            try
            {
                var title = $"writer {writer} step {i}";
                var creates = mine is null || i % 5 == 0;
                var adr = creates
                    ? await _adrs.CreateAdrAsync(new CreateAdrRequest { Title = title, Body = "x" }, _headers, deadline: DateTime.UtcNow.AddSeconds(10))
                    : await _adrs.UpdateAdrAsync(new UpdateAdrRequest { Id = mine, ExpectedVersion = version, Title = title }, _headers, deadline: DateTime.UtcNow.AddSeconds(10));
                (mine, version) = (adr.Id, adr.Version);
                _acknowledged.Enqueue(new Acknowledgement(adr.Id, adr.Version, adr.Title, creates, Elapsed));
            }
            catch (RpcException error)
            {
                _failures.Enqueue((Elapsed, error.StatusCode));
                mine = null; // the outcome of a failed call is unknown: start a new ADR
                await Task.Delay(50);
            }
        }
    }

    public sealed record Acknowledgement(string Id, int Version, string Title, bool Created, TimeSpan At);
}
