using AdrPlatform.Model;

namespace AdrPlatform.Domain.Jobs;

/// <summary>A job after a change, and the progress event that tells watchers about it (null: nothing to tell).</summary>
public sealed record JobStep(JobView Job, JobEventView? Event);
