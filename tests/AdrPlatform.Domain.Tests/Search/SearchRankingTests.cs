using AdrPlatform.Domain.Search;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Tests.Search;

public class SearchRankingTests
{
    private static ChunkHit Hit(int number, int chunk, double score) => new(number, $"ADR {number}", AdrStatus.Accepted, chunk, "h", "text", score);

    [Fact]
    public void Each_adr_appears_once_at_its_best_passage()
    {
        var ranked = SearchRanking.BestPerAdr([Hit(2, 1, 0.9), Hit(1, 0, 0.8), Hit(2, 0, 0.7), Hit(3, 2, 0.1)]);
        Assert.Equal([2, 1, 3], ranked.Select(r => r.Best.Number));
        Assert.Equal(1, ranked[0].Best.ChunkIndex);
    }

    [Fact]
    public void Documents_and_adrs_are_distinct_sources_and_separate_rankings_merge_by_rank()
    {
        var document = new ChunkHit(0, "review.pdf", default, 4, "Page 2", "text", 0.3, "j0123456789abcdef01234567");
        var adrs = SearchRanking.Rank(SearchMode.Lexical, [Hit(1, 0, 12), Hit(2, 0, 11)], [], 60);
        var documents = SearchRanking.Rank(SearchMode.Lexical, [document, document with { ChunkIndex = 5, Score = 0.2 }], [], 60);

        Assert.Same(adrs, SearchRanking.Merge([adrs, []], 60));
        var merged = SearchRanking.Merge([adrs, documents], 60);
        // ADR 1 and the document are each first of their ranking: tied, the earlier ranking first.
        Assert.Equal([(1, null), (0, "j0123456789abcdef01234567"), (2, null)], merged.Select(r => r.Best.Source));
        Assert.Equal(4, merged[1].Best.ChunkIndex);
        Assert.Empty(SearchRanking.Merge([[], []], 60));
    }

    [Fact]
    public void Hybrid_fuses_the_two_rankings_and_prefers_the_lexical_passage()
    {
        IReadOnlyList<ChunkHit> lexical = [Hit(1, 3, 9), Hit(2, 0, 5)];
        IReadOnlyList<ChunkHit> semantic = [Hit(2, 1, 0.9), Hit(3, 0, 0.8), Hit(1, 0, 0.7)];
        var fused = SearchRanking.Rank(SearchMode.Hybrid, lexical, semantic, rrfK: 60);

        // 1: 1/61 + 1/63; 2: 1/62 + 1/61; 3: 1/62.
        Assert.Equal([2, 1, 3], fused.Select(r => r.Best.Number));
        Assert.Equal((1.0 / 62) + (1.0 / 61), fused[0].Score, 12);
        Assert.Equal(0, fused[0].Best.ChunkIndex);
        Assert.Equal(3, fused[1].Best.ChunkIndex);
    }

    [Fact]
    public void Single_modes_keep_their_own_order_and_scores()
    {
        IReadOnlyList<ChunkHit> lexical = [Hit(4, 0, 3.5)];
        IReadOnlyList<ChunkHit> semantic = [Hit(5, 0, 0.5)];
        Assert.Equal([(4, 3.5)], SearchRanking.Rank(SearchMode.Lexical, lexical, semantic, 60).Select(r => (r.Best.Number, r.Score)));
        Assert.Equal([(5, 0.5)], SearchRanking.Rank(SearchMode.Semantic, lexical, semantic, 60).Select(r => (r.Best.Number, r.Score)));
    }
}
