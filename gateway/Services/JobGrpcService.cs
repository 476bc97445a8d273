using AdrPlatform.Domain.Documents;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Domain.Jobs;
using AdrPlatform.Errors;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Grains;
using AdrPlatform.Model;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Gateway.Services;

/// <summary>Submit, watch, cancel and retry jobs. Editors submit; everybody sees their own jobs, admins all of the tenant's.</summary>
public sealed class JobGrpcService(IGrainFactory grains, CallerResolver callers, IOptions<IngestionOptions> ingestion) : JobService.JobServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public override async Task<Job> SubmitIngestion(SubmitIngestionRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = callers.Resolve(context, Roles.Editor);
        var limits = ingestion.Value;
        if (request.Content.Length > limits.MaxUploadBytes)
        {
            throw new AdrPlatformException(ErrorKind.ResourceExhausted,
                $"The file is {request.Content.Length:N0} bytes; uploads are limited to {limits.MaxUploadBytes:N0} bytes.");
        }

        var name = request.Name.Trim();
        if (name.Length == 0 || name.Length > limits.MaxNameLength || name.Any(char.IsControl))
        {
            throw AdrPlatformException.Invalid($"name is required: a file name of at most {limits.MaxNameLength} characters, without control characters.");
        }

        if (!DocumentMediaTypes.IsSupported(request.MediaType))
        {
            throw AdrPlatformException.Invalid(
                $"media_type \"{LogText.Escape(request.MediaType, DocumentMediaTypes.MaxEchoedLength)}\" is not supported; use one of: {string.Join(", ", DocumentMediaTypes.All)}.");
        }

        if (request.Content.IsEmpty)
        {
            throw AdrPlatformException.Invalid("content is empty: the file has no bytes.");
        }

        var key = request.IdempotencyKey;
        if (key.Length > JobIds.MaxIdempotencyKeyLength)
        {
            throw AdrPlatformException.Invalid($"idempotency_key is longer than {JobIds.MaxIdempotencyKeyLength} characters.");
        }

        var id = key.Length > 0 ? JobIds.FromIdempotencyKey(caller.User, key) : JobIds.New();
        var upload = new IngestionRequest(name, DocumentMediaTypes.Normalize(request.MediaType), request.Content.Memory, key.Length > 0 ? key : null, caller.User);
        return (await Job(caller, id).SubmitIngestionAsync(upload)).ToContract();
    }

    public override async Task<Job> GetJob(GetJobRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = callers.Resolve(context);
        return (await Job(caller, request.Id).GetAsync(caller.User, IsAdmin(caller))).ToContract();
    }

    public override async Task<ListJobsResponse> ListJobs(ListJobsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = callers.Resolve(context);
        var pageSize = request.PageSize switch
        {
            0 => DefaultPageSize,
            < 0 or > MaxPageSize => throw AdrPlatformException.Invalid($"page_size must be between 1 and {MaxPageSize}."),
            var size => size,
        };
        var states = request.States.Select(s => s.FromContract() ?? throw AdrPlatformException.Invalid($"states: {s} is not a job state.")).ToArray();
        Model.JobKind? kind = request.Kind switch
        {
            Contracts.Jobs.V1.JobKind.Unspecified => null,
            Contracts.Jobs.V1.JobKind.Ingestion => Model.JobKind.Ingestion,
            _ => throw AdrPlatformException.Invalid($"kind {request.Kind} is not a job kind."),
        };
        var submittedBy = IsAdmin(caller) ? NullIfEmpty(request.SubmittedBy) : caller.User;
        var offset = PageToken.Decode("jobs", request.PageToken) ?? 0;
        var page = await grains.GetGrain<IJobBoardGrain>(caller.Tenant).ListAsync(new JobListQuery([.. states], kind, submittedBy, offset, pageSize));
        var response = new ListJobsResponse { NextPageToken = page.HasMore ? PageToken.Encode("jobs", offset + pageSize) : "" };
        response.Jobs.AddRange(page.Jobs.Select(job => job.ToContract()));
        return response;
    }

    public override async Task WatchJob(WatchJobRequest request, IServerStreamWriter<JobEvent> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        var caller = callers.Resolve(context);
        if (request.AfterSequence < 0)
        {
            throw AdrPlatformException.Invalid("after_sequence must be 0 or more.");
        }

        var job = Job(caller, request.Id);
        await foreach (var change in job.WatchAsync(caller.User, IsAdmin(caller), request.AfterSequence, context.CancellationToken).WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(change.ToContract(), context.CancellationToken);
        }
    }

    public override async Task WatchJobs(WatchJobsRequest request, IServerStreamWriter<Job> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        var caller = callers.Resolve(context);
        var board = grains.GetGrain<IJobBoardGrain>(caller.Tenant);
        await foreach (var job in board.WatchAsync(IsAdmin(caller) ? null : caller.User, context.CancellationToken).WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(job.ToContract(), context.CancellationToken);
        }
    }

    public override async Task<Job> CancelJob(CancelJobRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = callers.Resolve(context, Roles.Editor);
        return (await Job(caller, request.Id).CancelAsync(caller.User, IsAdmin(caller))).ToContract();
    }

    public override async Task<Job> RetryJob(RetryJobRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = callers.Resolve(context, Roles.Editor);
        return (await Job(caller, request.Id).RetryAsync(caller.User, IsAdmin(caller))).ToContract();
    }

    private IJobGrain Job(Caller caller, string id) =>
        JobIds.IsValid(id)
            ? grains.GetGrain<IJobGrain>($"{caller.Tenant}/{id}")
            : throw AdrPlatformException.NotFound($"Job \"{LogText.Escape(id)}\" was not found.");

    private static bool IsAdmin(Caller caller) => caller.Roles.Contains(Roles.Admin);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
