using AdrPlatform.Domain.Search;

namespace AdrPlatform.Domain.Tests.Search;

public class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuses_two_rankings_as_computed_by_hand()
    {
        // A: 1/61; B: 1/62 + 1/61; C: 1/63 + 1/62; D: 1/63.
        var fused = ReciprocalRankFusion.Fuse<string>([["A", "B", "C"], ["B", "C", "D"]]);

        Assert.Equal<string>(["B", "C", "A", "D"], fused.Select(x => x.Key).ToList());
        Assert.Equal((1.0 / 62) + (1.0 / 61), fused[0].Score, 12);
        Assert.Equal((1.0 / 63) + (1.0 / 62), fused[1].Score, 12);
        Assert.Equal(1.0 / 61, fused[2].Score, 12);
        Assert.Equal(1.0 / 63, fused[3].Score, 12);
    }

    [Fact]
    public void Uses_the_given_k()
    {
        var fused = ReciprocalRankFusion.Fuse<int>([[7, 8]], k: 1);
        Assert.Equal(0.5, fused[0].Score, 12);
        Assert.Equal(1.0 / 3, fused[1].Score, 12);
    }

    [Fact]
    public void Weights_scale_each_rankings_share()
    {
        // A: 2/61; B: 2/62 + 0.5/61; C: 0.5/62.
        var fused = ReciprocalRankFusion.Fuse<string>([["A", "B"], ["B", "C"]], weights: [2, 0.5]);

        Assert.Equal<string>(["B", "A", "C"], fused.Select(x => x.Key).ToList());
        Assert.Equal((2.0 / 62) + (0.5 / 61), fused[0].Score, 12);
        Assert.Equal(0.5 / 62, fused[2].Score, 12);
        Assert.Throws<ArgumentException>(() => ReciprocalRankFusion.Fuse<string>([["A"]], weights: [1, 1]));
        Assert.Throws<ArgumentException>(() => ReciprocalRankFusion.Fuse<string>([["A"]], weights: [-1]));
    }

    [Fact]
    public void Equal_scores_keep_first_appearance_order()
    {
        var fused = ReciprocalRankFusion.Fuse<string>([["x", "y"], ["y", "x"], ["z"], ["w"]], k: 10);

        Assert.Equal<string>(["x", "y", "z", "w"], fused.Select(x => x.Key).ToList());
        Assert.Equal(fused[0].Score, fused[1].Score);
        Assert.Equal(fused[2].Score, fused[3].Score);
    }

    [Fact]
    public void A_key_repeated_within_one_ranking_counts_once_at_its_best_rank()
    {
        var fused = ReciprocalRankFusion.Fuse<string>([["a", "b", "a"]], k: 1);
        Assert.Equal(0.5, fused.Single(x => x.Key == "a").Score, 12);
        Assert.Equal(1.0 / 3, fused.Single(x => x.Key == "b").Score, 12);
    }

    [Fact]
    public void No_rankings_give_nothing()
    {
        Assert.Empty(ReciprocalRankFusion.Fuse<string>([]));
        Assert.Empty(ReciprocalRankFusion.Fuse<string>([[], []]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void K_below_one_is_refused(int k) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReciprocalRankFusion.Fuse<string>([["a"]], k));
}
