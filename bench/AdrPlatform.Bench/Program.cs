using System.Diagnostics;
using System.Globalization;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.TestKit;
using Grpc.Core;
using Grpc.Net.Client;

// ADR API load generator: N concurrent clients over gRPC, a create/get/update/list mix,
// throughput and p50/p95/p99 latency per operation.
// usage: adr-bench --address http://127.0.0.1:5080 --token TOKEN [--clients 64] [--seconds 20] [--warmup 15]
//                  [--mix get=80,list=5,create=5,update=10] (also whoami=N: auth and gRPC without grains) [--seed-adrs 200] [--channels 4]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : string.Empty);
string Option(string name, string fallback) => options.TryGetValue(name, out var v) ? v : fallback;
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var address = new Uri(Option("address", "http://127.0.0.1:5080"));
var token = Option("token", Environment.GetEnvironmentVariable("ADR_TOKEN") ?? string.Empty);
var clients = Number("clients", 64);
var seconds = Number("seconds", 20);
var warmup = Number("warmup", 15);
var seedCount = Number("seed-adrs", 200);
var channelCount = Number("channels", 4);
var mix = Option("mix", "get=80,list=5,create=5,update=10").Split(',')
    .Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
string[] kinds = ["get", "list", "create", "update", "whoami"];
var weights = kinds.Select(k => mix.GetValueOrDefault(k)).ToArray();

var headers = new Metadata { { "authorization", "Bearer " + token } };
var channels = Enumerable.Range(0, channelCount).Select(_ => GrpcChannel.ForAddress(address)).ToArray();
var seedClient = new AdrService.AdrServiceClient(channels[0]);
var ids = new List<string>();
for (var i = 0; i < seedCount; i++)
{
    var adr = await seedClient.CreateAdrAsync(new CreateAdrRequest { Title = $"Seed decision {i}", Body = $"Body of seed decision {i}.\nWith two lines.", Tags = { i % 2 == 0 ? "even" : "odd" } }, headers);
    ids.Add(adr.Id);
}

Console.WriteLine($"seeded {ids.Count} ADRs; {clients} clients on {channelCount} HTTP/2 connections; warmup {warmup}s, measure {seconds}s; mix {string.Join(',', kinds.Select((k, i) => $"{k}={weights[i]}"))}");
var recorders = kinds.ToDictionary(k => k, _ => Enumerable.Range(0, clients).Select(_ => new LatencyRecorder()).ToArray());
var measuring = false;
using var stop = new CancellationTokenSource();
var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
{
    var client = new AdrService.AdrServiceClient(channels[c % channels.Length]);
    var tenants = new TenantService.TenantServiceClient(channels[c % channels.Length]);
    var random = new Random(c);
    var versions = new Dictionary<string, int>();
    var stopwatch = new Stopwatch();
    while (!stop.IsCancellationRequested)
    {
        var pick = random.Next(weights.Sum());
        var kind = 0;
        while (pick >= weights[kind])
        {
            pick -= weights[kind++];
        }

        var id = ids[random.Next(ids.Count)];
        stopwatch.Restart();
        try
        {
            switch (kinds[kind])
            {
                case "whoami":
                    await tenants.WhoAmIAsync(new WhoAmIRequest(), headers);
                    break;
                case "get":
                    await client.GetAdrAsync(new GetAdrRequest { Id = id }, headers);
                    break;
                case "list":
                    await client.ListAdrsAsync(new ListAdrsRequest { PageSize = 20, Tags = { "even" } }, headers);
                    break;
                case "create":
                    await client.CreateAdrAsync(new CreateAdrRequest { Title = $"Load {c}", Body = "Created under load." }, headers);
                    break;
                case "update":
                    var version = versions.TryGetValue(id, out var v) ? v : (await client.GetAdrAsync(new GetAdrRequest { Id = id }, headers)).Version;
                    stopwatch.Restart();
                    try
                    {
                        var updated = await client.UpdateAdrAsync(new UpdateAdrRequest { Id = id, ExpectedVersion = version, Body = $"Updated by {c} at {Environment.TickCount64}" }, headers);
                        versions[id] = updated.Version;
                    }
                    catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                    {
                        // Another client updated it first: a correct refusal, timed like any answer.
                        versions.Remove(id);
                    }

                    break;
            }

            if (measuring)
            {
                recorders[kinds[kind]][c].Record(stopwatch.Elapsed);
            }
        }
        catch (RpcException) when (measuring)
        {
            recorders[kinds[kind]][c].Failed();
        }
    }
})).ToArray();

await Task.Delay(TimeSpan.FromSeconds(warmup));
measuring = true;
var started = Stopwatch.GetTimestamp();
await Task.Delay(TimeSpan.FromSeconds(seconds));
measuring = false;
var elapsed = Stopwatch.GetElapsedTime(started);
await stop.CancelAsync();
await Task.WhenAll(workers);

var total = 0;
Console.WriteLine($"{"op",-8}{"count",10}{"errors",8}{"p50 ms",10}{"p95 ms",10}{"p99 ms",10}{"max ms",10}");
foreach (var kind in kinds.Where((_, i) => weights[i] > 0))
{
    var s = LatencyRecorder.Summarise(recorders[kind]);
    total += s.Count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-8}{s.Count,10}{s.Failures,8}{s.P50,10:F3}{s.P95,10:F3}{s.P99,10:F3}{s.Max,10:F3}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {total / elapsed.TotalSeconds:F0} requests/s over {elapsed.TotalSeconds:F1}s"));
