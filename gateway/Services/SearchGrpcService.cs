using AdrPlatform.Domain;
using AdrPlatform.Errors;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Grains;
using AdrPlatform.Model;
using Grpc.Core;
using Proto = AdrPlatform.Contracts.Search.V1;

namespace AdrPlatform.Gateway.Services;

/// <summary>Lexical, semantic and hybrid search over the caller's tenant, and related-ADR recommendations.</summary>
public sealed class SearchGrpcService(IGrainFactory grains, CallerResolver callers) : Proto.SearchService.SearchServiceBase
{
    public const int MaxQueryLength = 1_000;
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;
    private const int MaxOffset = 500;
    private const string Offset = "offset";

    public override async Task<Proto.SearchResponse> Search(Proto.SearchRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        var text = request.Query.Trim();
        if (text.Length == 0)
        {
            throw AdrPlatformException.Invalid("A query is required.");
        }

        if (text.Length > MaxQueryLength)
        {
            throw AdrPlatformException.Invalid($"The query has {text.Length} characters; at most {MaxQueryLength} are allowed.");
        }

        if (request.PageSize < 0 || request.Tags.Count > 20 || request.Author.Length > 200)
        {
            throw AdrPlatformException.Invalid("page_size must not be negative; filters allow at most 20 tags and an author of 200 characters.");
        }

        var filter = new SearchFilter(
            [.. request.Statuses.Select(s => AdrMapping.Status((Contracts.Adr.V1.AdrStatus)s))],
            [.. request.Tags.Select(t => t.Trim().ToLowerInvariant())],
            string.IsNullOrWhiteSpace(request.Author) ? null : request.Author.Trim(),
            AdrMapping.Date(request.DecidedFrom),
            AdrMapping.Date(request.DecidedTo));
        var pageSize = request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var offset = PageToken.Decode(Offset, request.PageToken) ?? 0;
        if (offset > MaxOffset)
        {
            throw AdrPlatformException.Invalid($"Search pages stop after {MaxOffset} hits; refine the query instead.");
        }

        var page = await grains.GetGrain<ISearchGrain>(caller.Tenant).SearchAsync(new SearchQuery(text, Mode(request.Mode), filter, offset, pageSize));
        var response = new Proto.SearchResponse
        {
            NextPageToken = PageToken.Encode(Offset, page.HasMore && offset + pageSize <= MaxOffset ? offset + pageSize : null),
        };
        response.Hits.AddRange(page.Hits.Select(ToProto));
        return response;
    }

    public override async Task<Proto.RelatedAdrsResponse> RelatedAdrs(Proto.RelatedAdrsRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context, Roles.Viewer);
        var number = AdrId.Parse(request.Id);
        if (request.Limit < 0 || request.Limit > 20)
        {
            throw AdrPlatformException.Invalid("limit must be between 1 and 20 (0 for the default of 5).");
        }

        await grains.GetGrain<IAdrGrain>(number, caller.Tenant).GetAsync(includeDeleted: false);
        var hits = await grains.GetGrain<ISearchGrain>(caller.Tenant).RelatedAsync(number, request.Limit == 0 ? 5 : request.Limit);
        var response = new Proto.RelatedAdrsResponse();
        response.Hits.AddRange(hits.Select(ToProto));
        return response;
    }

    private static SearchMode Mode(Proto.SearchMode mode) => mode switch
    {
        Proto.SearchMode.Unspecified or Proto.SearchMode.Hybrid => SearchMode.Hybrid,
        Proto.SearchMode.Lexical => SearchMode.Lexical,
        Proto.SearchMode.Semantic => SearchMode.Semantic,
        _ => throw AdrPlatformException.Invalid("Unknown search mode; use LEXICAL, SEMANTIC or HYBRID."),
    };

    private static Proto.SearchHit ToProto(SearchHit hit)
    {
        var proto = new Proto.SearchHit
        {
            AdrId = hit.DocumentId is null ? AdrId.Format(hit.Number) : "",
            DocumentId = hit.DocumentId ?? "",
            Title = hit.Title,
            Status = (Contracts.Adr.V1.AdrStatus)hit.Status,
            Section = hit.Section,
            Snippet = hit.Snippet,
            Score = hit.Score,
        };
        proto.Highlights.AddRange(hit.Highlights.Select(h => new Proto.Highlight { Start = h.Start, Length = h.Length }));
        return proto;
    }
}
