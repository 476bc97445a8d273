using System.Numerics.Tensors;

namespace AdrPlatform.Domain.Search;

public static class VectorMath
{
    /// <summary>Cosine similarity in [-1, 1]; 0 when either vector is all zeros (or empty), where the angle is undefined.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors differ in length ({a.Length} and {b.Length}).", nameof(b));
        }

        if (a.IsEmpty)
        {
            return 0f;
        }

        var normA = TensorPrimitives.Norm(a);
        var normB = TensorPrimitives.Norm(b);
        if (normA == 0f || normB == 0f)
        {
            return 0f;
        }

        return Math.Clamp(TensorPrimitives.Dot(a, b) / (normA * normB), -1f, 1f);
    }

    public static void Normalize(Span<float> vector)
    {
        if (vector.IsEmpty)
        {
            return;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm == 0f)
        {
            return;
        }

        TensorPrimitives.Divide(vector, norm, vector);
    }
}
