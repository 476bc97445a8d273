using AdrPlatform.Domain.Search;

namespace AdrPlatform.Domain.Tests.Search;

public class VectorMathTests
{
    [Fact]
    public void Orthogonal_vectors_have_cosine_zero() => Assert.Equal(0f, VectorMath.Cosine([1f, 0f], [0f, 1f]), 6);

    [Fact]
    public void Parallel_vectors_have_cosine_one_whatever_their_lengths() => Assert.Equal(1f, VectorMath.Cosine([1f, 2f, 3f], [2f, 4f, 6f]), 6);

    [Fact]
    public void Opposite_vectors_have_cosine_minus_one() => Assert.Equal(-1f, VectorMath.Cosine([1f, -2f], [-1f, 2f]), 6);

    [Fact]
    public void Computes_a_known_value() =>
        Assert.Equal((float)(32 / (Math.Sqrt(14) * Math.Sqrt(77))), VectorMath.Cosine([1f, 2f, 3f], [4f, 5f, 6f]), 5);

    [Fact]
    public void A_zero_vector_gives_zero_not_nan()
    {
        Assert.Equal(0f, VectorMath.Cosine([0f, 0f, 0f], [1f, 2f, 3f]));
        Assert.Equal(0f, VectorMath.Cosine([1f, 2f, 3f], [0f, 0f, 0f]));
        Assert.Equal(0f, VectorMath.Cosine([], []));
    }

    [Fact]
    public void Different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => VectorMath.Cosine([1f, 2f], [1f, 2f, 3f]));

    [Fact]
    public void Normalize_scales_to_unit_length()
    {
        float[] vector = [3f, 4f];
        VectorMath.Normalize(vector);
        Assert.Equal(0.6f, vector[0], 6);
        Assert.Equal(0.8f, vector[1], 6);
    }

    [Fact]
    public void Normalize_gives_unit_length_for_a_large_embedding()
    {
        var random = new Random(7);
        var vector = Enumerable.Range(0, 1536).Select(_ => (float)(random.NextDouble() - 0.5) * 10).ToArray();
        var before = (float[])vector.Clone();
        VectorMath.Normalize(vector);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 4);
        Assert.Equal(1f, VectorMath.Cosine(before, vector), 5);
    }

    [Fact]
    public void Normalize_leaves_a_zero_vector_unchanged()
    {
        float[] vector = [0f, 0f, 0f];
        VectorMath.Normalize(vector);
        Assert.Equal<float>([0f, 0f, 0f], vector);
    }
}
