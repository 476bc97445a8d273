using AdrPlatform.Events;
using AdrPlatform.Grains;
using AdrPlatform.Placement;

namespace AdrPlatform.Workers;

/// <summary>Hands each report on job.progress to its job grain.</summary>
[OnSiloRole(SiloRoles.Worker)]
[ImplicitStreamSubscription(EventTopics.JobProgress)]
public sealed class JobProgressWorkerGrain : EventWorkerGrain<JobProgressed>
{
    protected override Task HandleAsync(JobProgressed item, CancellationToken cancellationToken) =>
        GrainFactory.GetGrain<IJobGrain>($"{item.Tenant}/{item.JobId}").ApplyAsync(item);
}
