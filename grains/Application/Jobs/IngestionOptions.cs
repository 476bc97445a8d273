using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AdrPlatform.Domain.Search;

namespace AdrPlatform.Domain.Jobs;

/// <summary>What an upload may be and how a document is cut into passages.</summary>
public sealed class IngestionOptions : IValidatableObject
{
    public const string Section = "Ingestion";

    [Description("Largest upload (larger: RESOURCE_EXHAUSTED at submit)")]
    [Range(1, int.MaxValue)]
    public int MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    [Description("Longest document name accepted at submit")]
    [Range(1, 4_096)]
    public int MaxNameLength { get; set; } = 255;

    [Description("Queued or running jobs a tenant may have at once (more: RESOURCE_EXHAUSTED)")]
    [Range(1, int.MaxValue)]
    public int MaxActiveJobsPerTenant { get; set; } = 100;

    [Description("Passage size in characters")]
    [Range(MarkdownChunker.MinMaxChars, 100_000)]
    public int ChunkMaxChars { get; set; } = 1200;

    [Description("Characters a passage repeats from the one before it (less than half of `ChunkMaxChars`)")]
    [Range(0, 50_000)]
    public int ChunkOverlapChars { get; set; } = 150;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ChunkOverlapChars * 2L >= ChunkMaxChars)
        {
            yield return new ValidationResult($"{nameof(ChunkOverlapChars)} must be less than half of {Section}:{nameof(ChunkMaxChars)} ({ChunkMaxChars})", [nameof(ChunkOverlapChars)]);
        }
    }
}
