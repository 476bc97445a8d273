namespace AdrPlatform.TestKit;

/// <summary>Nearest-rank percentiles of latencies in milliseconds; NaN where nothing was recorded.</summary>
public sealed record LatencySummary(int Count, int Failures, double P50, double P95, double P99, double Max)
{
    internal static LatencySummary Of(IReadOnlyCollection<double> milliseconds, int failures = 0)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(sorted.Length, failures, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), At(sorted, 1));
    }

    private static double At(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
