using System.Diagnostics;
using System.Globalization;
using AdrPlatform.Adapters.Documents;
using AdrPlatform.Adapters.Documents.Isolation;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Events;
using AdrPlatform.Streaming.Kafka;
using AdrPlatform.Streaming.Kafka.Testing;
using AdrPlatform.TestKit;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Document ingestion, end to end over gRPC against a front silo in this process (local embedder):
// 1. latency of one N-page PDF from submit to searchable, several times, one at a time;
// 2. steady state: many documents of several tenants at once, documents per minute;
// 3. what parsing in a parser process costs: the same PDF read in this process, through a warm parser process,
//    and through a freshly started one.
// Usage: adr-ingestion-bench [--streams memory|kafka] [--pages 10] [--runs 5] [--documents 60] [--tenants 4]
var options = Args.Parse(args);
using var kafka = options.Streams == "kafka" ? KafkaMockCluster.Create(3) : null;
foreach (var topic in kafka is null ? [] : EventTopics.All.SelectMany(t => new[] { t, t + KafkaStreamOptions.DeadLetterTopicSuffix }))
{
    kafka!.CreateTopic(topic, 8); // the mock cluster has no controller: a silo cannot create topics there
}

var host = GatewayHost.With(new Dictionary<string, string?>
{
    ["Streams:Provider"] = options.Streams,
    ["Streams:Kafka:BootstrapServers"] = kafka?.BootstrapServers,
    ["Streams:Kafka:ConsumerGroup"] = "bench",
    ["Logging:LogLevel:Default"] = "Warning",
});
await host.InitializeAsync();
using var channel = host.Channel(Transport.Grpc);
JobService.JobServiceClient Client(string tenant)
{
    var token = host.Token(tenant, "bench", "editor");
    return new(channel.Intercept(metadata =>
    {
        metadata.Add("authorization", "Bearer " + token);
        return metadata;
    }));
}

var pdf = ByteString.CopyFrom(SampleDocuments.Pdf(options.Pages, bodyRepeats: 3)); // about 2,400 characters a page, like a written report
Console.WriteLine($"streams: {options.Streams}; document: {options.Pages}-page PDF, {pdf.Length:N0} bytes; local hashing embedder; {Environment.ProcessorCount} cores");

await IngestAsync(Client("warmup"), pdf, "warmup.pdf"); // JIT, first activations, topic creation
var latencies = new LatencyRecorder();
for (var run = 0; run < options.Runs; run++)
{
    var (elapsed, job) = await IngestAsync(Client("latency"), pdf, $"run{run}.pdf");
    latencies.Record(elapsed);
    Console.WriteLine($"  run {run + 1}: {elapsed.TotalMilliseconds:F0} ms submit → searchable ({job.Stages.Single(s => s.Name == "embed").Total} passages)");
}

var latency = latencies.Summary();
Console.WriteLine($"one {options.Pages}-page PDF, submit → searchable: median {latency.P50:F0} ms, max {latency.Max:F0} ms (target ≤ 5,000 ms)");

var clock = Stopwatch.StartNew();
var perTenant = options.Documents / options.Tenants;
await Task.WhenAll(Enumerable.Range(0, options.Tenants).Select(t => Task.Run(async () =>
{
    var client = Client($"steady{t}");
    var submitted = new List<string>();
    for (var d = 0; d < perTenant; d++)
    {
        submitted.Add((await client.SubmitIngestionAsync(new SubmitIngestionRequest { Name = $"doc{d}.pdf", MediaType = "application/pdf", Content = pdf })).Id);
    }

    foreach (var id in submitted)
    {
        await WaitAsync(client, id);
    }
})));
var total = perTenant * options.Tenants;
Console.WriteLine($"steady state: {total} documents of {options.Tenants} tenants in {clock.Elapsed.TotalSeconds:F1} s = {total / clock.Elapsed.TotalMinutes:F0} documents/min");
await host.DisposeAsync();
await ParserCostAsync(pdf.ToByteArray(), options.Runs * 4);

static async Task ParserCostAsync(byte[] pdf, int runs)
{
    var request = new ParseRequest("bench.pdf", DocumentMediaTypes.Pdf, DocumentLimits.Default);
    var inProcess = DocumentReader.WithAllParsers(DocumentLimits.Default);
    inProcess.Read(request.FileName, request.MediaType, pdf, CancellationToken.None);
    var direct = await Median(runs, () =>
    {
        inProcess.Read(request.FileName, request.MediaType, pdf, CancellationToken.None);
        return Task.CompletedTask;
    });

    using var warm = new ParserProcessPool(Options.Create(new DocumentParserOptions { MaxProcesses = 1 }), NullLogger<ParserProcessPool>.Instance);
    await warm.ReadAsync(request, pdf, CancellationToken.None);
    var isolated = await Median(runs, () => warm.ReadAsync(request, pdf, CancellationToken.None));

    using var fresh = new ParserProcessPool(Options.Create(new DocumentParserOptions { MaxProcesses = 1, DocumentsPerProcess = 1 }), NullLogger<ParserProcessPool>.Instance);
    var started = await Median(Math.Max(3, runs / 4), () => fresh.ReadAsync(request, pdf, CancellationToken.None));

    Console.WriteLine($"parsing the PDF ({runs} runs, median): in this process {direct:F1} ms; in a warm parser process {isolated:F1} ms " +
        $"(isolation adds {isolated - direct:F1} ms); in a newly started parser process {started:F0} ms (start, JIT, read)");
}

static async Task<double> Median(int runs, Func<Task> action)
{
    var times = new LatencyRecorder();
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        await action();
        times.Record(clock.Elapsed);
    }

    return times.Summary().P50;
}

static async Task<(TimeSpan Elapsed, Job Job)> IngestAsync(JobService.JobServiceClient client, ByteString content, string name)
{
    var clock = Stopwatch.StartNew();
    var job = await client.SubmitIngestionAsync(new SubmitIngestionRequest { Name = name, MediaType = "application/pdf", Content = content });
    var finished = await WaitAsync(client, job.Id);
    return (clock.Elapsed, finished);
}

static async Task<Job> WaitAsync(JobService.JobServiceClient client, string id)
{
    using var call = client.WatchJob(new WatchJobRequest { Id = id });
    await foreach (var change in call.ResponseStream.ReadAllAsync())
    {
        if (change.State is JobState.Failed or JobState.Cancelled)
        {
            throw new InvalidOperationException($"job {id} ended {change.State}: {change.Message}");
        }
    }

    return await client.GetJobAsync(new GetJobRequest { Id = id });
}

internal sealed record Args(string Streams, int Pages, int Runs, int Documents, int Tenants)
{
    public static Args Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Args(Value("--streams", "memory"), Number("--pages", 10), Number("--runs", 5), Number("--documents", 60), Number("--tenants", 4));
    }
}
