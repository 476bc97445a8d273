using AdrPlatform.Grains;
using AdrPlatform.Model;

namespace AdrPlatform.Integration.Tests.Cluster;

public class AlertFeedTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Every_watcher_receives_published_alerts_in_order()
    {
        var feed = fixture.Grains.GetGrain<IAlertFeedGrain>("feed-" + Guid.NewGuid().ToString("N")[..8]);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var first = Read(feed.WatchAsync(stop.Token), 2, stop.Token);
        var second = Read(feed.WatchAsync(stop.Token), 2, stop.Token);
        await Task.Delay(300);
        await feed.PublishAsync(new BudgetAlert(70, 7, 10, false, DateTimeOffset.UtcNow));
        await feed.PublishAsync(new BudgetAlert(85, 8.5m, 10, false, DateTimeOffset.UtcNow));
        Assert.Equal([70, 85], await first);
        Assert.Equal([70, 85], await second);
    }

    private static async Task<List<int>> Read(IAsyncEnumerable<BudgetAlert> alerts, int count, CancellationToken cancellationToken)
    {
        var seen = new List<int>();
        await foreach (var alert in alerts.WithCancellation(cancellationToken))
        {
            seen.Add(alert.Percent);
            if (seen.Count == count)
            {
                break;
            }
        }

        return seen;
    }
}
