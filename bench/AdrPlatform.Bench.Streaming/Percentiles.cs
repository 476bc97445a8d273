using System.Globalization;

namespace AdrPlatform.Bench.Streaming;

public static class Percentiles
{
    public static double At(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];

    public static string Format(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
