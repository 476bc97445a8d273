using System.Collections.Immutable;
using AdrPlatform.Domain;
using AdrPlatform.Domain.Markdown;
using AdrPlatform.Errors;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Grains;
using AdrPlatform.Model;
using Google.Protobuf;
using Grpc.Core;
using Proto = AdrPlatform.Contracts.Adr.V1;

namespace AdrPlatform.Gateway.Services;

/// <summary>The ADR API: resolves the caller, checks the role, and hands the request to the tenant's grains.</summary>
public sealed class AdrGrpcService(IGrainFactory grains, CallerResolver callers) : Proto.AdrService.AdrServiceBase
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    private const int MaxFilterLength = 200;
    private const int MaxFilterTags = 20;

    public override async Task<Proto.Adr> CreateAdr(Proto.CreateAdrRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Editor);
        var draft = new AdrDraft(
            request.Title,
            AdrMapping.Template(request.Template),
            request.Body,
            request.Sections.ToImmutableDictionary(),
            [.. request.Tags],
            [.. request.Deciders],
            AdrMapping.Date(request.DecisionDate));
        var record = await grains.GetGrain<ITenantGrain>(caller.Tenant).CreateAdrAsync(draft, caller.User);
        return AdrMapping.ToProto(record);
    }

    public override async Task<Proto.Adr> GetAdr(Proto.GetAdrRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        return AdrMapping.ToProto(await Adr(caller, request.Id).GetAsync(request.IncludeDeleted));
    }

    public override async Task<Proto.ListAdrsResponse> ListAdrs(Proto.ListAdrsRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        if (request.PageSize < 0)
        {
            throw AdrPlatformException.Invalid("page_size must not be negative.");
        }

        if (request.Text.Length > MaxFilterLength || request.Author.Length > MaxFilterLength || request.Tags.Count > MaxFilterTags)
        {
            throw AdrPlatformException.Invalid($"Filters are limited to {MaxFilterLength} characters of text or author and {MaxFilterTags} tags.");
        }

        var query = new AdrQuery(
            request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize),
            PageToken.Decode("before", request.PageToken),
            [.. request.Statuses.Select(AdrMapping.Status)],
            [.. request.Tags.Select(t => t.Trim().ToLowerInvariant())],
            NullIfEmpty(request.Author),
            NullIfEmpty(request.Text),
            request.IncludeDeleted);
        var page = await grains.GetGrain<IAdrCatalogGrain>(caller.Tenant).ListAsync(query);
        var response = new Proto.ListAdrsResponse { NextPageToken = PageToken.Encode("before", page.NextBeforeNumber) };
        response.Adrs.AddRange(page.Items.Select(AdrMapping.ToProto));
        return response;
    }

    public override async Task<Proto.Adr> UpdateAdr(Proto.UpdateAdrRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Editor);
        var edit = new AdrEdit(
            request.ExpectedVersion,
            request.HasTitle ? request.Title : null,
            request.HasBody ? request.Body : null,
            request.SetTags ? [.. request.Tags] : null,
            request.SetDeciders ? [.. request.Deciders] : null,
            request.HasDecisionDate ? AdrMapping.Date(request.DecisionDate) : null,
            ClearDecisionDate: request.HasDecisionDate && request.DecisionDate.Length == 0);
        return AdrMapping.ToProto(await Adr(caller, request.Id).UpdateAsync(edit, caller.User));
    }

    public override async Task<Proto.Adr> SetStatus(Proto.SetStatusRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Editor);
        var change = new StatusChange(AdrMapping.Status(request.Status), request.ExpectedVersion, AdrMapping.Ids(request.SupersededBy), request.Note);
        return AdrMapping.ToProto(await Adr(caller, request.Id).SetStatusAsync(change, caller.User));
    }

    public override async Task<Proto.Adr> LinkAdrs(Proto.LinkAdrsRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Editor);
        var (type, inverse) = AdrMapping.Link(request.Type);
        var target = AdrId.Parse(request.TargetId);
        return AdrMapping.ToProto(await Adr(caller, request.Id).LinkAsync(type, inverse, target, caller.User));
    }

    public override async Task<Proto.Adr> UnlinkAdrs(Proto.UnlinkAdrsRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Editor);
        var (type, inverse) = AdrMapping.Link(request.Type);
        var target = AdrId.Parse(request.TargetId);
        return AdrMapping.ToProto(await Adr(caller, request.Id).UnlinkAsync(type, inverse, target, caller.User));
    }

    public override async Task<Proto.Adr> DeleteAdr(Proto.DeleteAdrRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Editor);
        return AdrMapping.ToProto(await Adr(caller, request.Id).DeleteAsync(caller.User));
    }

    public override async Task<Proto.Adr> RestoreAdr(Proto.RestoreAdrRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Editor);
        return AdrMapping.ToProto(await Adr(caller, request.Id).RestoreAsync(caller.User));
    }

    public override async Task<Proto.ListVersionsResponse> ListVersions(Proto.ListVersionsRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        var response = new Proto.ListVersionsResponse();
        response.Versions.AddRange((await Adr(caller, request.Id).ListVersionsAsync()).Select(AdrMapping.ToProto));
        return response;
    }

    public override async Task<Proto.AdrVersion> GetVersion(Proto.GetVersionRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        return AdrMapping.ToProto(await Adr(caller, request.Id).GetVersionAsync(request.Version));
    }

    public override async Task<Proto.DiffVersionsResponse> DiffVersions(Proto.DiffVersionsRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        if (request.ContextLines < 0 || request.ContextLines > 100)
        {
            throw AdrPlatformException.Invalid("context_lines must be between 0 and 100.");
        }

        var diff = await Adr(caller, request.Id).DiffAsync(request.FromVersion, request.ToVersion, request.ContextLines == 0 ? 3 : request.ContextLines);
        return new Proto.DiffVersionsResponse { UnifiedDiff = diff.UnifiedDiff, AddedLines = diff.AddedLines, RemovedLines = diff.RemovedLines };
    }

    public override async Task<Proto.Adr> RollbackAdr(Proto.RollbackAdrRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Editor);
        return AdrMapping.ToProto(await Adr(caller, request.Id).RollbackAsync(request.ToVersion, request.ExpectedVersion, caller.User));
    }

    public override async Task<Proto.ImportMarkdownResponse> ImportMarkdown(Proto.ImportMarkdownRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Editor);
        var limits = ImportLimits.Default;
        var total = request.Files.Sum(f => (long)f.Content.Length);
        if (request.Files.Count > limits.MaxFiles || total > limits.MaxTotalBytes)
        {
            throw new AdrPlatformException(
                ErrorKind.ResourceExhausted,
                $"An import may hold at most {limits.MaxFiles} files and {limits.MaxTotalBytes / (1024 * 1024)} MiB; this one has {request.Files.Count} files and {total / 1024} KiB.");
        }

        ImmutableArray<MarkdownUpload> files = [.. request.Files.Select(f => new MarkdownUpload(f.Path, f.Content.ToByteArray()))];
        var result = await grains.GetGrain<ITenantGrain>(caller.Tenant).ImportMarkdownAsync(files, caller.User);
        var response = new Proto.ImportMarkdownResponse { Links = result.Links };
        response.Imported.AddRange(result.Imported.Select(a => new Proto.ImportedAdr { Id = AdrId.Format(a.Number), Title = a.Title, SourcePath = a.SourcePath }));
        response.Skipped.AddRange(result.Skipped.Select(s => new Proto.SkippedFile { Path = s.Path, Reason = s.Reason }));
        response.Warnings.AddRange(result.Warnings.Select(w => new Proto.ImportWarning { Path = w.Path, Message = w.Reason }));
        return response;
    }

    public override async Task<Proto.ExportMarkdownResponse> ExportMarkdown(Proto.ExportMarkdownRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        var files = await grains.GetGrain<IAdrCatalogGrain>(caller.Tenant).ExportMarkdownAsync(request.IncludeDeleted);
        var response = new Proto.ExportMarkdownResponse();
        response.Files.AddRange(files.Select(f => new Proto.MarkdownFile { Path = f.Path, Content = ByteString.CopyFrom(f.Content) }));
        return response;
    }

    private IAdrGrain Adr(Caller caller, string id) => grains.GetGrain<IAdrGrain>(AdrId.Parse(id), caller.Tenant);

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
