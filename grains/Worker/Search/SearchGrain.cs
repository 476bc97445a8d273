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
        var tenant = this.GetPrimaryKeyString();
        var settings = options.Value;
        var want = Math.Min(settings.MaxCandidates, (query.Offset + query.PageSize + 1) * settings.CandidatesPerHit);
        var vector = query.Mode == SearchMode.Lexical ? default : await Embed(query.Text, CancellationToken.None);
        IReadOnlyList<ChunkHit> lexical = query.Mode == SearchMode.Semantic
            ? []
            : await index.LexicalAsync(tenant, query.Text, query.Filter, want, CancellationToken.None);
        IReadOnlyList<ChunkHit> semantic = query.Mode == SearchMode.Lexical
            ? []
            : await index.SemanticAsync(tenant, vector, model.Id, query.Filter, null, want, CancellationToken.None);
        var (documentLexical, documentSemantic) = query.Filter.RestrictsToAdrs
            ? ([], [])
            : await DocumentHitsAsync(tenant, query.Mode, query.Text, vector, want, CancellationToken.None);
        var ranked = SearchRanking.Merge(
            [SearchRanking.Rank(query.Mode, lexical, semantic, settings.RrfK), SearchRanking.Rank(query.Mode, documentLexical, documentSemantic, settings.RrfK)],
            settings.RrfK);
        var terms = SearchText.Terms(query.Text);
        return new SearchPage(
            [.. ranked.Skip(query.Offset).Take(query.PageSize).Select(r => Hit(r, terms))],
            ranked.Count > query.Offset + query.PageSize);
    }

    public async Task<ImmutableArray<SearchHit>> RelatedAsync(int number, int limit)
    {
        var tenant = this.GetPrimaryKeyString();
        var vector = await index.AdrVectorAsync(tenant, number, model.Id, CancellationToken.None)
            ?? throw AdrPlatformException.NotFound($"{Domain.AdrId.Format(number)} does not exist or is not indexed yet.");
        var hits = await index.SemanticAsync(tenant, vector, model.Id, SearchFilter.None, number, limit * options.Value.CandidatesPerHit, CancellationToken.None);
        return [.. SearchRanking.BestPerAdr(hits).Take(limit).Select(r => Hit(r, []))];
    }

    /// <remarks>
    /// Orleans does not yet deliver a caller's cancellation to the stateless-worker activation running the call
    /// (dotnet/orleans#9877): the caller stops waiting at once, but the search runs to its end until Orleans does.
    /// </remarks>
    public async Task<ImmutableArray<Passage>> PassagesAsync(string question, int limit, CancellationToken cancellationToken)
    {
        var tenant = this.GetPrimaryKeyString();
        var want = limit * options.Value.CandidatesPerHit;
        var vector = await Embed(question, cancellationToken);
        var lexical = await index.LexicalAsync(tenant, question, SearchFilter.None, want, cancellationToken);
        var semantic = await index.SemanticAsync(tenant, vector, model.Id, SearchFilter.None, null, want, cancellationToken);
        var (documentLexical, documentSemantic) = await DocumentHitsAsync(tenant, SearchMode.Hybrid, question, vector, want, cancellationToken);
        var rrfK = options.Value.RrfK;
        return [.. SearchRanking.Merge([SearchRanking.Rank(SearchMode.Hybrid, lexical, semantic, rrfK), SearchRanking.Rank(SearchMode.Hybrid, documentLexical, documentSemantic, rrfK)], rrfK)
            .Take(limit)
            .Select(r => new Passage(r.Best.Number, r.Best.Title, r.Best.Heading, r.Best.Text, r.Best.DocumentId))];
    }

    private async Task<(IReadOnlyList<ChunkHit> Lexical, IReadOnlyList<ChunkHit> Semantic)> DocumentHitsAsync(
        string tenant, SearchMode mode, string text, ReadOnlyMemory<float> vector, int want, CancellationToken cancellationToken)
    {
        IReadOnlyList<DocumentHit> lexical = mode == SearchMode.Semantic ? [] : await documents.LexicalAsync(tenant, text, want, cancellationToken);
        IReadOnlyList<DocumentHit> semantic = mode == SearchMode.Lexical ? [] : await documents.SemanticAsync(tenant, vector, model.Id, want, cancellationToken);
        return ([.. lexical.Select(AsChunkHit)], [.. semantic.Select(AsChunkHit)]);
    }

    private static ChunkHit AsChunkHit(DocumentHit hit) =>
        new(0, hit.Name, default, hit.ChunkIndex, hit.Heading, hit.Text, hit.Score, hit.DocumentId);

    private async Task<ReadOnlyMemory<float>> Embed(string text, CancellationToken cancellationToken) =>
        (await embeddings.GenerateAsync([text], EmbeddingInputs.Query(), cancellationToken))[0].Vector;

    private static SearchHit Hit(RankedAdr ranked, IReadOnlyList<string> terms)
    {
        var snippet = Snippets.Make(ranked.Best.Text, [.. terms]);
        return new SearchHit(
            ranked.Best.Number, ranked.Best.Title, ranked.Best.Status, ranked.Best.Heading, snippet.Text,
            [.. snippet.Highlights.Select(h => new HitHighlight(h.Start, h.Length))], ranked.Score, ranked.Best.DocumentId);
    }
}
