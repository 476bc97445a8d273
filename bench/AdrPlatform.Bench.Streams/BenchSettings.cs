using System.Globalization;

namespace AdrPlatform.Bench.Streams;

/// <summary>Rate 0 sends as fast as the in-flight window allows; otherwise events are paced at Rate per second.</summary>
public sealed record BenchSettings(int Events, int Keys, int PayloadBytes, int Partitions, int Window, int Warmup, int Rate)
{
    public const string Namespace = "bench.events";
    public const string Provider = "Streams";

    public static BenchSettings Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchSettings(Get("events", 100_000), Get("keys", 16), Get("payload", 160), Get("partitions", 8), Get("window", 2000), Get("warmup", 5000), Get("rate", 0));
    }
}
