namespace AdrPlatform.Bench;

/// <summary>Collects latencies of one operation kind; each client owns one, so recording takes no lock.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = new(1 << 16);

    public int Errors { get; private set; }

    public int Count => _milliseconds.Count;

    public void Record(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public void Fail() => Errors++;

    public static (int Count, int Errors, double P50, double P95, double P99, double Max) Summarise(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.ToList();
        var values = all.SelectMany(r => r._milliseconds).Order().ToArray();
        var errors = all.Sum(r => r.Errors);
        if (values.Length == 0)
        {
            return (0, errors, 0, 0, 0, 0);
        }

        double At(double q) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(q * values.Length) - 1)];
        return (values.Length, errors, At(0.50), At(0.95), At(0.99), values[^1]);
    }
}
