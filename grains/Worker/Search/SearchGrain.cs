using System.Collections.Immutable;
using AdrPlatform.Domain.Search;
using AdrPlatform.Errors;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using AdrPlatform.Placement;

namespace AdrPlatform.Grains.Search;

/// <summary>
/// Runs a tenant's searches: embeds the query, asks the ADR index and the ingested documents' index for
/// passages, ranks sources (each ADR or document once) and cuts snippets. Filters that only ADRs have
/// (status, tags, author, dates) leave the documents out.
/// </summary>
[OnSiloRole(SiloRoles.Worker)]
[StatelessWorker, Reentrant]
public sealed class SearchGrain(
    ISearchIndex index,
    IDocumentIndex documents,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    EmbeddingModel model,
    IOptions<SearchOptions> options) : Grain, ISearchGrain
{
    /// <summary>Vectors of another model are left out of searches until the tenant's refresh has embedded them again.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        GrainFactory.GetGrain<IEmbeddingRefreshGrain>(this.GetPrimaryKeyString()).EnsureCurrentAsync().Ignore();
        return Task.CompletedTask;
    }

    public async Task<SearchPage> SearchAsync(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ranked = await RankAsync(query.Text, query.Mode, query.Filter, options.Value.CandidatePool, CancellationToken.None);
        return new SearchPage(
            [.. ranked.Skip(query.Offset).Take(query.PageSize).Select(r => Hit(r, query.Text))],
            ranked.Count > query.Offset + query.PageSize);
    }

    public async Task<ImmutableArray<SearchHit>> RelatedAsync(int number, int limit)
    {
        var tenant = this.GetPrimaryKeyString();
        var vector = await index.AdrVectorAsync(tenant, number, model.Id, CancellationToken.None)
            ?? throw AdrPlatformException.NotFound($"{Domain.AdrId.Format(number)} does not exist or is not indexed yet.");
        var hits = await index.SemanticAsync(tenant, vector, model.Id, SearchFilter.None, number, limit * options.Value.CandidatesPerHit, CancellationToken.None);
        return [.. SearchRanking.BestPerAdr(hits).Take(limit).Select(r => Hit(r, null))];
    }

    /// <remarks>
    /// Orleans does not yet deliver a caller's cancellation to the stateless-worker activation running the call
    /// (dotnet/orleans#9877): the caller stops waiting at once, but the search runs to its end until Orleans does.
    /// </remarks>
    public async Task<ImmutableArray<Passage>> PassagesAsync(string question, int limit, CancellationToken cancellationToken)
    {
        var ranked = await RankAsync(question, SearchMode.Hybrid, SearchFilter.None, limit * options.Value.CandidatesPerHit, cancellationToken);
        return [.. ranked
            .Take(limit)
            .Select(r => new Passage(r.Best.Number, r.Best.Title, r.Best.Heading, r.Best.Text, r.Best.DocumentId))];
    }

    /// <summary>
    /// The sources matching <paramref name="text"/>, best first, from the best <paramref name="pool"/> passages of each
    /// list. The pool does not depend on the page asked for, so every page of a search is cut from the same ranking.
    /// </summary>
    private async Task<IReadOnlyList<RankedAdr>> RankAsync(string text, SearchMode mode, SearchFilter filter, int pool, CancellationToken cancellationToken)
    {
        var tenant = this.GetPrimaryKeyString();
        var withDocuments = !filter.RestrictsToAdrs;
        var vector = mode == SearchMode.Lexical ? default : await Embed(text, cancellationToken);
        var lexical = mode == SearchMode.Semantic ? Task.FromResult<IReadOnlyList<ChunkHit>>([]) : LexicalAsync(tenant, text, filter, withDocuments, pool, cancellationToken);
        var semantic = mode == SearchMode.Lexical ? Task.FromResult<IReadOnlyList<ChunkHit>>([]) : SemanticAsync(tenant, vector, filter, withDocuments, pool, cancellationToken);
        return SearchRanking.Rank(mode, await lexical, await semantic, options.Value.Fusion());
    }

    private async Task<IReadOnlyList<ChunkHit>> LexicalAsync(
        string tenant, string text, SearchFilter filter, bool withDocuments, int pool, CancellationToken cancellationToken)
    {
        var adrs = await index.LexicalAsync(tenant, text, filter, pool, cancellationToken);
        var documentHits = withDocuments ? await documents.LexicalAsync(tenant, text, pool, cancellationToken) : [];
        return SearchRanking.ByScore(adrs, [.. documentHits.Select(AsChunkHit)]);
    }

    private async Task<IReadOnlyList<ChunkHit>> SemanticAsync(
        string tenant, ReadOnlyMemory<float> vector, SearchFilter filter, bool withDocuments, int pool, CancellationToken cancellationToken)
    {
        var adrs = await index.SemanticAsync(tenant, vector, model.Id, filter, null, pool, cancellationToken);
        var documentHits = withDocuments ? await documents.SemanticAsync(tenant, vector, model.Id, pool, cancellationToken) : [];
        return SearchRanking.ByScore(adrs, [.. documentHits.Select(AsChunkHit)]);
    }

    private static ChunkHit AsChunkHit(DocumentHit hit) =>
        new(0, hit.Name, default, hit.ChunkIndex, hit.Heading, hit.Text, hit.Score, hit.DocumentId);

    private async Task<ReadOnlyMemory<float>> Embed(string text, CancellationToken cancellationToken) =>
        (await embeddings.GenerateAsync([text], EmbeddingInputs.Query(), cancellationToken))[0].Vector;

    /// <summary>The hit with its snippet around the words of <paramref name="query"/> (Snippets stems them itself).</summary>
    private static SearchHit Hit(RankedAdr ranked, string? query)
    {
        var snippet = Snippets.Make(ranked.Best.Text, query is null ? [] : [query]);
        return new SearchHit(
            ranked.Best.Number, ranked.Best.Title, ranked.Best.Status, ranked.Best.Heading, snippet.Text,
            [.. snippet.Highlights.Select(h => new HitHighlight(h.Start, h.Length))], ranked.Score, ranked.Best.DocumentId);
    }
}
