using AdrPlatform.Model;

namespace AdrPlatform.Grains;

/// <summary>
/// Live budget alerts of one tenant for the admins watching. Key: tenant. Alerts are also logged,
/// counted in metrics and listed by GetUsage, so a watcher that was not connected loses nothing it
/// cannot read back.
/// </summary>
[Alias("alert-feed.grain")]
public interface IAlertFeedGrain : IGrainWithStringKey
{
    /// <summary>Awaited by the publisher, so alerts reach watchers in the order they were raised.</summary>
    [Alias("publish")]
    Task PublishAsync(BudgetAlert alert);

    [Alias("watch")]
    IAsyncEnumerable<BudgetAlert> WatchAsync(CancellationToken cancellationToken);
}
