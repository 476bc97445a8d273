using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Grains;
using AdrPlatform.Integration.Tests.Infrastructure;
using Orleans.Core.Internal;
using Google.Protobuf;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests.Jobs;

/// <summary>A job whose start event failed to publish is stored queued; the job grain publishes it again when it is next activated or submitted.</summary>
public sealed class UnpublishedStartTests(UnpublishedStartTests.FlakyStreams host) : IClassFixture<UnpublishedStartTests.FlakyStreams>
{
    [Fact]
    public async Task The_start_event_is_published_when_the_job_grain_is_reactivated()
    {
        var tenant = Rpc.Tenant();
        var jobs = Jobs(tenant);
        await SubmitWhileTheStartFailsAsync(jobs, "reactivated");
        var job = Assert.Single((await jobs.ListJobsAsync(new ListJobsRequest())).Jobs);
        Assert.Equal(JobState.Queued, job.State);

        var grains = host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IJobGrain>($"{tenant}/{job.Id}").AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        Assert.Equal(JobState.Succeeded, (await JobWatching.EventuallyAsync(jobs, job.Id, j => j.State.IsFinished())).State);
    }

    [Fact]
    public async Task The_start_event_is_published_when_the_same_upload_is_submitted_again()
    {
        var jobs = Jobs(Rpc.Tenant());
        var request = await SubmitWhileTheStartFailsAsync(jobs, "resubmitted");

        var job = await jobs.SubmitIngestionAsync(request);

        Assert.Equal(JobState.Succeeded, (await JobWatching.EventuallyAsync(jobs, job.Id, j => j.State.IsFinished())).State);
    }

    private async Task<SubmitIngestionRequest> SubmitWhileTheStartFailsAsync(JobService.JobServiceClient jobs, string name)
    {
        var request = new SubmitIngestionRequest { Name = $"{name}.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8($"# {name}\n\nStarted late."), IdempotencyKey = name };
        host.Services.GetRequiredService<FailingStartPublisher>().FailNextStart();
        await Assert.ThrowsAsync<RpcException>(() => jobs.SubmitIngestionAsync(request).ResponseAsync);
        return request;
    }

    private JobService.JobServiceClient Jobs(string tenant) =>
        new(Clients.For(host, Transport.Grpc, tenant, "alice", "editor").Invoker);

    public sealed class FlakyStreams() : GatewayHost([], FailingStartPublisher.Register);
}
