using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Model;
using Google.Protobuf.WellKnownTypes;

namespace AdrPlatform.Gateway.Services;

/// <summary>Job views to and from their wire form.</summary>
public static class JobMapping
{
    public static Job ToContract(this JobView job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var contract = new Job
        {
            Id = job.Id,
            Kind = job.Kind switch { Model.JobKind.Ingestion => Contracts.Jobs.V1.JobKind.Ingestion, _ => Contracts.Jobs.V1.JobKind.Unspecified },
            State = job.State.ToContract(),
            SubmittedBy = job.SubmittedBy,
            DocumentName = job.DocumentName,
            MediaType = job.MediaType,
            SizeBytes = job.SizeBytes,
            Percent = job.Percent,
            Error = job.Error ?? "",
            Result = job.Result ?? "",
            DocumentId = job.DocumentId,
            Attempt = job.Attempt,
            CreatedAt = Timestamp.FromDateTimeOffset(job.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(job.UpdatedAt),
            LastSequence = job.LastSequence,
        };
        contract.Stages.AddRange(job.Stages.Select(s => new JobStage { Name = s.Name, Done = s.Done, Total = s.Total, Percent = Math.Round(s.Percent, 2) }));
        return contract;
    }

    public static JobEvent ToContract(this JobEventView change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new JobEvent
        {
            Sequence = change.Sequence,
            State = change.State.ToContract(),
            Stage = change.Stage,
            Done = change.Done,
            Total = change.Total,
            Message = change.Message,
            At = Timestamp.FromDateTimeOffset(change.At),
            Percent = change.Percent,
        };
    }

    public static Contracts.Jobs.V1.JobState ToContract(this Model.JobState state) => state switch
    {
        Model.JobState.Queued => Contracts.Jobs.V1.JobState.Queued,
        Model.JobState.Running => Contracts.Jobs.V1.JobState.Running,
        Model.JobState.Succeeded => Contracts.Jobs.V1.JobState.Succeeded,
        Model.JobState.Failed => Contracts.Jobs.V1.JobState.Failed,
        Model.JobState.Cancelled => Contracts.Jobs.V1.JobState.Cancelled,
        _ => Contracts.Jobs.V1.JobState.Unspecified,
    };

    /// <summary>Null for UNSPECIFIED or an unknown value.</summary>
    public static Model.JobState? FromContract(this Contracts.Jobs.V1.JobState state) => state switch
    {
        Contracts.Jobs.V1.JobState.Queued => Model.JobState.Queued,
        Contracts.Jobs.V1.JobState.Running => Model.JobState.Running,
        Contracts.Jobs.V1.JobState.Succeeded => Model.JobState.Succeeded,
        Contracts.Jobs.V1.JobState.Failed => Model.JobState.Failed,
        Contracts.Jobs.V1.JobState.Cancelled => Model.JobState.Cancelled,
        _ => null,
    };
}
