using AdrPlatform.Domain.Search;
using AdrPlatform.Model;

namespace AdrPlatform.Domain.Tests.Search;

public class SearchRankingTests
{
    private static readonly FusionWeights Equal = new(1, 1, 60);

    private static ChunkHit Hit(int number, int chunk, double score) => new(number, $"ADR {number}", AdrStatus.Accepted, chunk, "h", "text", score);

    [Fact]
    public void Each_adr_appears_once_at_its_best_passage()
    {
        var ranked = SearchRanking.BestPerAdr([Hit(2, 1, 0.9), Hit(1, 0, 0.8), Hit(2, 0, 0.7), Hit(3, 2, 0.1)]);
        Assert.Equal([2, 1, 3], ranked.Select(r => r.Best.Number));
        Assert.Equal(1, ranked[0].Best.ChunkIndex);
    }

    [Fact]
    public void Hits_of_adrs_and_documents_are_ranked_by_score_not_by_their_place_in_their_own_list()
    {
        var document = new ChunkHit(0, "review.pdf", default, 4, "Page 2", "text", 9.5, "j0123456789abcdef01234567");
        IReadOnlyList<ChunkHit> adrs = [Hit(1, 0, 1.5), Hit(2, 0, 1.2)];
        IReadOnlyList<ChunkHit> documents = [document, document with { ChunkIndex = 5, Score = 1.2 }];

        var ranked = SearchRanking.Rank(SearchMode.Lexical, SearchRanking.ByScore(adrs, documents), [], Equal);

        Assert.Equal([(0, "j0123456789abcdef01234567"), (1, null), (2, null)], ranked.Select(r => r.Best.Source));
        Assert.Equal(4, ranked[0].Best.ChunkIndex);
        Assert.Equal([1.2, 1.2], SearchRanking.ByScore(adrs, documents).Skip(2).Select(h => h.Score));
        Assert.Equal((2, null), SearchRanking.ByScore(adrs, documents)[2].Source);
        Assert.Empty(SearchRanking.ByScore([], []));
    }

    [Fact]
    public void Hybrid_fuses_the_two_rankings_and_prefers_the_lexical_passage()
    {
        IReadOnlyList<ChunkHit> lexical = [Hit(1, 3, 9), Hit(2, 0, 5)];
        IReadOnlyList<ChunkHit> semantic = [Hit(2, 1, 0.9), Hit(3, 0, 0.8), Hit(1, 0, 0.7)];
        var fused = SearchRanking.Rank(SearchMode.Hybrid, lexical, semantic, Equal);

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
        Assert.Equal([(4, 3.5)], SearchRanking.Rank(SearchMode.Lexical, lexical, semantic, Equal).Select(r => (r.Best.Number, r.Score)));
        Assert.Equal([(5, 0.5)], SearchRanking.Rank(SearchMode.Semantic, lexical, semantic, Equal).Select(r => (r.Best.Number, r.Score)));
    }

    [Fact]
    public void Hybrid_weights_each_ranking()
    {
        IReadOnlyList<ChunkHit> lexical = [Hit(1, 0, 9), Hit(2, 0, 5)];
        IReadOnlyList<ChunkHit> semantic = [Hit(3, 0, 0.9), Hit(2, 0, 0.8)];
        var fused = SearchRanking.Rank(SearchMode.Hybrid, lexical, semantic, new FusionWeights(1, 0.5, 60));

        // 1: 1/61; 2: 1/62 + 0.5/62; 3: 0.5/61.
        Assert.Equal([2, 1, 3], fused.Select(r => r.Best.Number));
        Assert.Equal(0.5 / 61, fused[2].Score, 12);
    }
}
