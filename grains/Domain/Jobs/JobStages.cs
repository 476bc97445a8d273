using System.Collections.Immutable;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Jobs;

/// <summary>The stages of each kind of job, in order, and how much of the whole each stands for.</summary>
public static class JobStages
{
    public const string Parse = "parse";
    public const string Chunk = "chunk";
    public const string Embed = "embed";
    public const string Index = "index";

    // Embedding dominates the time of an ingestion; parsing and chunking are quick, indexing a flag.
    private static readonly ImmutableArray<(string Name, double Weight)> Ingestion =
        [(Parse, 0.10), (Chunk, 0.10), (Embed, 0.75), (Index, 0.05)];

    public static ImmutableArray<JobStageView> Initial(JobKind kind) =>
        Weights(kind).Select(stage => new JobStageView(stage.Name, 0, 0)).ToImmutableArray();

    public static bool IsKnown(JobKind kind, string stage) => Weights(kind).Any(s => s.Name == stage);

    /// <summary>The whole job's progress, 0-100, from its stages' weighted progress.</summary>
    public static double Percent(JobKind kind, ImmutableArray<JobStageView> stages)
    {
        var percent = 0.0;
        foreach (var (name, weight) in Weights(kind))
        {
            var stage = stages.FirstOrDefault(s => s.Name == name);
            percent += weight * (stage?.Percent ?? 0);
        }

        return Math.Round(Math.Min(100, percent), 2);
    }

    private static ImmutableArray<(string Name, double Weight)> Weights(JobKind kind) => kind switch
    {
        JobKind.Ingestion => Ingestion,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown job kind."),
    };
}
