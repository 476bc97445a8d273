using System.Globalization;
using AdrPlatform.Bench.Streams;

var settings = BenchSettings.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{settings.Events:N0} events (+{settings.Warmup:N0} warm-up), {settings.Keys} keys, {settings.PayloadBytes}-byte payload, {settings.Partitions} partitions/queues, {settings.Window} sends in flight, rate {(settings.Rate > 0 ? settings.Rate.ToString("N0", CultureInfo.InvariantCulture) + "/s" : "unpaced")}"));
Console.WriteLine("| provider | events/s | received | send phase | p50 ms | p95 ms | p99 ms |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var provider in new[] { "kafka", "memory" })
{
    var result = await StreamBenchmark.RunAsync(provider, settings);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {provider} | {result.EventsPerSecond:N0} | {result.Received:N0}/{result.Sent:N0} | {result.SendTime.TotalSeconds:F2} s | {result.Latencies.P50:F1} | {result.Latencies.P95:F1} | {result.Latencies.P99:F1} |"));
}
