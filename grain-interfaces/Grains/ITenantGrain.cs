using System.Collections.Immutable;
using AdrPlatform.Model;

namespace AdrPlatform.Grains;

/// <summary>
/// One tenant: owns the ADR number sequence, so numbers are unique without locks,
/// and serialises imports against creations.
/// </summary>
[Alias("tenant.grain")]
public interface ITenantGrain : IGrainWithStringKey
{
    [Alias("create-adr")]
    Task<AdrRecord> CreateAdrAsync(AdrDraft draft, string actor);

    [Alias("import")]
    Task<ImportResult> ImportMarkdownAsync(ImmutableArray<MarkdownUpload> files, string actor);
}
