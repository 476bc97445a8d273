using AdrPlatform.Errors;
using AdrPlatform.Placement;
using AdrPlatform.Workers;
using Microsoft.Extensions.Logging;

namespace AdrPlatform.Grains.Search;

/// <summary>
/// One per tenant, started by the tenant's first search on a silo: refreshes stale vectors batch by batch on a
/// timer (so the grain stays responsive) until a pass finds none, then stays idle until it is deactivated.
/// </summary>
[OnSiloRole(SiloRoles.Worker)]
public sealed class EmbeddingRefreshGrain(EmbeddingRefresher refresher, ILogger<EmbeddingRefreshGrain> logger) : Grain, IEmbeddingRefreshGrain
{
    private const int Batch = 32;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);
    private IGrainTimer? _timer;
    private bool _current;
    private int _refreshed;

    public Task EnsureCurrentAsync()
    {
        if (!_current && _timer is null)
        {
            _timer = this.RegisterGrainTimer(RefreshBatchAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Pause) { KeepAlive = true });
        }

        return Task.CompletedTask;
    }

    private async Task RefreshBatchAsync(CancellationToken cancellationToken)
    {
        var stale = await refresher.RefreshBatchAsync(this.GetPrimaryKeyString(), Batch, cancellationToken);
        _refreshed += stale;
        if (stale > 0)
        {
            return;
        }

        _current = true;
        _timer?.Dispose();
        _timer = null;
        if (_refreshed > 0)
        {
            logger.LogInformation("Embeddings: re-embedded {Count} stale passages or ADRs of tenant {Tenant}", _refreshed, LogText.Escape(this.GetPrimaryKeyString()));
        }
    }
}
