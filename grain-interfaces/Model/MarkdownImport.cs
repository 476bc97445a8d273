using System.Collections.Immutable;

namespace AdrPlatform.Model;

[GenerateSerializer, Immutable, Alias("adr.markdown-file")]
public sealed record MarkdownUpload(
    [property: Id(0)] string Path,
    [property: Id(1)] byte[] Content);

[GenerateSerializer, Immutable, Alias("adr.import-result")]
public sealed record ImportResult(
    [property: Id(0)] ImmutableArray<ImportedAdrSummary> Imported,
    [property: Id(1)] ImmutableArray<SkippedUpload> Skipped,
    [property: Id(2)] int Links,
    [property: Id(3)] ImmutableArray<SkippedUpload> Warnings);

[GenerateSerializer, Immutable, Alias("adr.imported")]
public sealed record ImportedAdrSummary(
    [property: Id(0)] int Number,
    [property: Id(1)] string Title,
    [property: Id(2)] string SourcePath);

/// <summary>A file of an upload and what there is to say about it: why it was skipped, or a warning.</summary>
[GenerateSerializer, Immutable, Alias("adr.skipped")]
public sealed record SkippedUpload(
    [property: Id(0)] string Path,
    [property: Id(1)] string Reason);

/// <summary>
/// One ADR of a markdown import as its grain writes it: version 1, created by the importer at <paramref name="At"/>,
/// which every ADR of one import shares (so a retried import recognises what its earlier attempt wrote).
/// </summary>
[GenerateSerializer, Immutable, Alias("adr.import")]
public sealed record AdrImport(
    [property: Id(0)] AdrContent Content,
    [property: Id(1)] AdrStatus Status,
    [property: Id(2)] string? StatusNote,
    [property: Id(3)] string SourcePath,
    [property: Id(4)] DateTimeOffset At);
