using System.Collections.Immutable;
using AdrPlatform.Model;
using Orleans.Concurrency;

namespace AdrPlatform.Grains;

/// <summary>
/// One ADR of one tenant: the single writer of its record and history.
/// Key: the ADR number, with the tenant as key extension.
/// </summary>
[Alias("adr.grain")]
public interface IAdrGrain : IGrainWithIntegerCompoundKey
{
    [Alias("create")]
    Task<AdrRecord> CreateAsync(AdrDraft draft, string actor);

    /// <summary>
    /// Writes version 1 of an imported ADR. Idempotent for its import: when this ADR was already written by the
    /// same import (same importer and import time) it is returned as it is; any other existing ADR is ALREADY_EXISTS.
    /// </summary>
    [Alias("import")]
    Task<AdrRecord> ImportAsync(AdrImport import, string actor);

    /// <summary>Adds the links an import found from this ADR to others of the same import (already written); links it has are skipped.</summary>
    [Alias("import-links")]
    Task<AdrRecord> AddImportedLinksAsync(ImmutableArray<AdrLink> links);

    [Alias("get")]
    Task<AdrRecord> GetAsync(bool includeDeleted);

    [Alias("update")]
    Task<AdrRecord> UpdateAsync(AdrEdit edit, string actor);

    [Alias("set-status")]
    Task<AdrRecord> SetStatusAsync(StatusChange change, string actor);

    [Alias("link")]
    Task<AdrRecord> LinkAsync(LinkType type, bool inverse, int target, string actor);

    [Alias("unlink")]
    Task<AdrRecord> UnlinkAsync(LinkType type, bool inverse, int target, string actor);

    [Alias("delete")]
    Task<AdrRecord> DeleteAsync(string actor);

    [Alias("restore")]
    Task<AdrRecord> RestoreAsync(string actor);

    [Alias("versions")]
    Task<ImmutableArray<AdrVersion>> ListVersionsAsync();

    [Alias("version")]
    Task<AdrVersion> GetVersionAsync(int version);

    [Alias("diff")]
    Task<VersionDiff> DiffAsync(int fromVersion, int toVersion, int contextLines);

    [Alias("rollback")]
    Task<AdrRecord> RollbackAsync(int toVersion, int expectedVersion, string actor);

    /// <summary>Another ADR changed a link this one takes part in: reload links on the next read.</summary>
    [OneWay, AlwaysInterleave, Alias("forget-links")]
    Task ForgetLinksAsync();
}
