using System.Collections.Immutable;
using AdrPlatform.Model;
using Orleans.Concurrency;

namespace AdrPlatform.Grains;

/// <summary>
/// One tenant: owns the ADR number sequence, so numbers are unique without locks. Creations interleave
/// (a number is taken before the first await); imports run one at a time.
/// </summary>
[Alias("tenant.grain")]
public interface ITenantGrain : IGrainWithStringKey
{
    [AlwaysInterleave, Alias("create-adr")]
    Task<AdrRecord> CreateAdrAsync(AdrDraft draft, string actor);

    [Alias("import")]
    Task<ImportResult> ImportMarkdownAsync(ImmutableArray<MarkdownUpload> files, string actor);
}
