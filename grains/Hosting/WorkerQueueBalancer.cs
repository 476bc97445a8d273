using AdrPlatform.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace AdrPlatform.Hosting;

/// <summary>
/// Spreads the stream queues evenly over the active silos holding the worker role, in one order every silo computes
/// alike, so front silos pull nothing and no queue is left unread. Reassessed when the membership changes and every
/// second, since a silo's published roles may reach this one a moment after it joins.
/// </summary>
internal sealed partial class WorkerQueueBalancer : QueueBalancerBase
{
    private static readonly TimeSpan RecheckPeriod = TimeSpan.FromSeconds(1);
    private readonly SiloRoleDirectory _roles;
    private readonly IClusterMembershipService _membership;
    private IReadOnlyList<QueueId> _queues = [];
    private IReadOnlyCollection<SiloAddress> _active = [];
    private IReadOnlyList<QueueId> _assigned = [];

    private WorkerQueueBalancer(IServiceProvider services)
        : base(services, services.GetRequiredService<ILogger<WorkerQueueBalancer>>())
    {
        _roles = services.GetRequiredService<SiloRoleDirectory>();
        _membership = services.GetRequiredService<IClusterMembershipService>();
    }

    public static IStreamQueueBalancer Create(IServiceProvider services, string name) => new WorkerQueueBalancer(services);

    public override async Task Initialize(IStreamQueueMapper queueMapper)
    {
        ArgumentNullException.ThrowIfNull(queueMapper);
        // By topic, then partition: dealt out in turn, each topic's partitions spread over all workers.
        _queues = [.. queueMapper.GetAllQueues().OrderBy(q => q.GetStringNamePrefix(), StringComparer.Ordinal).ThenBy(q => q.GetNumericId())];
        _active = [.. _membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];
        _assigned = Assign();
        await base.Initialize(queueMapper);
        _ = RecheckPeriodicallyAsync();
    }

    public override IEnumerable<QueueId> GetMyQueues() => _assigned;

    protected override void OnClusterMembershipChange(HashSet<SiloAddress> activeSilos)
    {
        _active = [.. activeSilos];
        _ = NotifyIfChangedAsync();
    }

    /// <summary>This silo's queues: every n-th of the ordered queues, n being the number of active workers.</summary>
    private List<QueueId> Assign()
    {
        var workers = _active.Where(silo => _roles.Holds(silo, SiloRoles.Worker)).Order().ToList();
        var me = workers.IndexOf(SiloAddress);
        return me < 0 ? [] : [.. _queues.Where((_, index) => index % workers.Count == me)];
    }

    private async Task NotifyIfChangedAsync()
    {
        try
        {
            var assigned = Assign();
            if (!assigned.SequenceEqual(_assigned))
            {
                _assigned = assigned;
                LogAssigned(Logger, assigned.Count, _queues.Count, _active.Count);
                await NotifyListeners();
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogReassessFailed(Logger, error);
        }
    }

    private async Task RecheckPeriodicallyAsync()
    {
        using var timer = new PeriodicTimer(RecheckPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(Cancellation))
            {
                await NotifyIfChangedAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The balancer shut down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream queues: {Mine} of {All} pulled by this silo ({Active} active silos)")]
    private static partial void LogAssigned(ILogger logger, int mine, int all, int active);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream queues could not be reassessed; the last assignment stands")]
    private static partial void LogReassessFailed(ILogger logger, Exception error);
}
