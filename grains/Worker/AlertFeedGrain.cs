using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AdrPlatform.Model;
using Orleans.Concurrency;
using AdrPlatform.Placement;

namespace AdrPlatform.Grains;

/// <summary>Fans each alert out to every connected watcher; reentrant, as watchers wait while alerts arrive.</summary>
[OnSiloRole(SiloRoles.Worker)]
[Reentrant]
public sealed class AlertFeedGrain : Grain, IAlertFeedGrain
{
    private const int WatcherBuffer = 64;
    private readonly List<Channel<BudgetAlert>> _watchers = [];

    public Task PublishAsync(BudgetAlert alert)
    {
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(alert);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BudgetAlert> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<BudgetAlert>(new BoundedChannelOptions(WatcherBuffer) { FullMode = BoundedChannelFullMode.DropOldest });
        _watchers.Add(channel);
        try
        {
            await foreach (var alert in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return alert;
            }
        }
        finally
        {
            _watchers.Remove(channel);
        }
    }
}
