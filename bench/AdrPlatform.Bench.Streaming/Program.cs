using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using AdrPlatform.Bench.Streaming;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Integration.Tests.FakeProvider;
using AdrPlatform.TestKit;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.AI;
using OpenAI;
using Answer = System.Func<int, AdrPlatform.Bench.Streaming.StreamTimings, bool, System.Threading.Tasks.Task>;

// Streaming load in one run: N concurrent chats straight at the OpenAI-compatible fake, through an
// nginx proxy (buffering off) to it, and through the front silo (gRPC) to it; what each hop adds to
// first-token latency and inter-token gaps; client-cancel -> provider-abort latency; memory per held stream.
// usage: adr-stream-bench --gateway-dll gateway/bin/Release/net10.0/adrplatform-gateway.dll [--streams 1000] [--tokens 40]
//        [--gap-ms 20] [--ttft-ms 50] [--cancels 100] [--hold 2000] [--steady-seconds 20] [--warmup-seconds 30] [--nginx /usr/sbin/nginx] [--gateway-env NAME=VALUE,...]
//        [--split-tokens 200]: a second steady run through the front silo with answers of that many tokens (at most 10 × --tokens),
//        so the front silo's CPU splits into a cost per answer (start and settlement) and a cost per streamed token.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : string.Empty);
int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var streams = Number("streams", 1000);
var tokens = Number("tokens", 40);
var gap = TimeSpan.FromMilliseconds(Number("gap-ms", 20));
var ttft = TimeSpan.FromMilliseconds(Number("ttft-ms", 50));
var cancels = Number("cancels", 100);
var hold = Number("hold", 2000);
var steadySeconds = Number("steady-seconds", 20);
var warmupSeconds = Number("warmup-seconds", 30);
var splitTokens = Number("split-tokens", 0);
var nginx = options.GetValueOrDefault("nginx");
var gatewayDll = options.GetValueOrDefault("gateway-dll") ?? throw new ArgumentException("--gateway-dll is required");

var answers = new FakeChatBehavior { Tokens = tokens, InterTokenGap = gap, TimeToFirstToken = ttft, TokenText = (_, _) => StreamClock.Token };
await using var fake = await FakeChatProvider.StartNewAsync(answers);
var port = FreePort.Next();
var siloPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
var key = Path.Combine(Path.GetTempPath(), "adr-stream-bench-" + Guid.NewGuid().ToString("N"), "key");
using var gateway = SiloProcess.Start(gatewayDll, new Dictionary<string, string>
{
    ["Gateway:Port"] = port.ToString(CultureInfo.InvariantCulture),
    ["Auth:DevelopmentKeyPath"] = key,
    ["Logging:LogLevel:Default"] = "Warning",
    ["Cluster:SiloPort"] = siloPort,
    ["Cluster:PrimarySiloPort"] = siloPort,
    ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
    ["Management:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
    ["Chat:Models:default:Providers:0:Provider"] = "openai",
    ["Chat:Models:default:Providers:0:Endpoint"] = fake.BaseUrl,
    ["Chat:Models:default:Providers:0:Model"] = "bench",
    ["Chat:Models:default:Providers:0:ApiKey"] = "k",
    ["Chat:Models:default:Resilience:MaxConcurrentStreams"] = "100000",
    ["Chat:Models:default:Resilience:MaxQueueDepth"] = "100000",
    ["Chat:HistoryTurns"] = "0",
    ["Chat:MaxOutputTokens"] = (tokens * 10).ToString(CultureInfo.InvariantCulture),
}, GatewayEnvironment());
var nginxPort = nginx is null ? 0 : FreePort.Next();
using var proxy = nginx is null ? null : StartNginx(nginx, nginxPort, fake.Address);
try
{
    await Run();
}
finally
{
    proxy?.Kill(entireProcessTree: true);
}

// --gateway-env NAME=VALUE[,NAME=VALUE]: runtime settings for the front silo alone (e.g. DOTNET_gcServer=0).
Dictionary<string, string?> GatewayEnvironment() =>
    options.GetValueOrDefault("gateway-env", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair.ElementAtOrDefault(1));

// A plain reverse proxy with response buffering off, as streaming needs: the cost of one proxy hop.
static Process StartNginx(string nginx, int port, Uri upstream)
{
    var folder = Directory.CreateTempSubdirectory("adr-stream-bench-nginx").FullName;
    var config = Path.Combine(folder, "nginx.conf");
    File.WriteAllText(config, $$"""
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 20000; }
        http {
          access_log off;
          client_body_temp_path {{folder}};
          proxy_temp_path {{folder}};
          upstream provider { server {{upstream.Host}}:{{upstream.Port}}; keepalive 256; }
          server {
            listen 127.0.0.1:{{port}};
            location / {
              proxy_pass http://provider;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_buffering off;
              proxy_read_timeout 1h;
            }
          }
        }
        """);
    var process = Process.Start(new ProcessStartInfo(nginx) { ArgumentList = { "-c", config, "-g", "daemon off;" } })!;
    Thread.Sleep(500);
    return process;
}

async Task Run()
{
    var gatewayUrl = new Uri($"http://127.0.0.1:{port}");
    var token = await Token();
    var headers = new Metadata { { "authorization", "Bearer " + token } };
    using var channel = GrpcChannel.ForAddress(gatewayUrl, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
    var tenants = new TenantService.TenantServiceClient(channel);
    var chat = new ChatService.ChatServiceClient(channel);
    await gateway.WaitUntilServingAsync(() => tenants.WhoAmIAsync(new WhoAmIRequest(), headers).ResponseAsync);
    await tenants.SetQuotasAsync(new SetQuotasRequest { Quotas = new Quotas { RequestsPerMinute = 100_000, ConcurrentStreams = 10_000, TokensPerDay = 10_000_000_000 } }, headers);
    var sessions = new List<string>();
    for (var i = 0; i < Math.Max(Math.Max(streams, hold), cancels); i++)
    {
        sessions.Add((await chat.CreateSessionAsync(new CreateSessionRequest(), headers)).Id);
    }

    Console.WriteLine($"{streams} concurrent streams of {tokens} tokens, provider first token {ttft.TotalMilliseconds} ms, gap {gap.TotalMilliseconds} ms");
    var throughSilo = Platform(chat, headers, sessions);
    var straight = Direct(fake.BaseUrl);
    var throughNginx = nginxPort > 0 ? Direct($"http://127.0.0.1:{nginxPort}/v1") : null;

    // A running service has long finished tiering up its code; a few short rounds leave the JIT busy in the
    // measured ones. So: a steady load for --warmup-seconds, then one burst, through each path.
    Console.WriteLine($"warming up for {warmupSeconds} s");
    await Steady(throughSilo, warmupSeconds);
    await Burst(throughSilo);
    await Steady(straight, Math.Max(1, warmupSeconds / 4));
    await Burst(straight);
    Console.WriteLine("burst: all streams start at once");
    await Measure(Burst, straight, throughNginx, throughSilo);
    await CancelLatency(chat, headers, sessions);
    await MemoryPerStream(chat, headers, sessions);
    if (steadySeconds > 0)
    {
        fake.Behavior = answers;
        await Task.Delay(2000); // the held answers' sessions finish settling their cancellations
        Console.WriteLine($"steady state: {streams} streams kept open for {steadySeconds} s, each client asking again when its answer ends");
        var (cpu, platform) = await Measure(answer => Steady(answer, steadySeconds), straight, throughNginx, throughSilo);
        if (splitTokens > 0)
        {
            await SplitCpu(throughSilo, cpu, platform);
        }
    }
}

// The same steady state through the front silo with longer answers: two runs, two unknowns (CPU per answer, CPU per token).
async Task SplitCpu(Answer throughSilo, TimeSpan cpu, StreamTimings platform)
{
    fake.Behavior = answers with { Tokens = splitTokens };
    Console.WriteLine($"steady state again through the front silo, answers of {splitTokens} tokens");
    var cpuBefore = gateway.ProcessorTime;
    var longer = await Steady(throughSilo, steadySeconds, splitTokens);
    var longerCpu = gateway.ProcessorTime - cpuBefore;
    fake.Behavior = answers;
    Console.WriteLine($"  front silo CPU: {longerCpu.TotalMilliseconds:F0} ms for {longer.Answers} answers, {longer.Tokens} tokens; failed {longer.Failures}");
    double n1 = platform.Answers, k1 = platform.Tokens, n2 = longer.Answers, k2 = longer.Tokens;
    double c1 = cpu.TotalMilliseconds * 1000, c2 = longerCpu.TotalMilliseconds * 1000;
    var determinant = (n1 * k2) - (n2 * k1);
    Console.WriteLine($"  front silo CPU split: {((c1 * k2) - (c2 * k1)) / determinant:F0} µs per answer (start and settlement), {((n1 * c2) - (n2 * c1)) / determinant:F1} µs per streamed token");
}

// One load through each path; what nginx and the front silo add to the direct path; the front silo's CPU.
async Task<(TimeSpan Cpu, StreamTimings Platform)> Measure(Func<Answer, Task<StreamTimings>> load, Answer straight,
    Answer? throughNginx, Answer throughSilo)
{
    var direct = await load(straight);
    var proxied = throughNginx is null ? null : await load(throughNginx);
    Console.WriteLine("  direct paths measured; now through the front silo");
    var cpuBefore = gateway.ProcessorTime;
    var platform = await load(throughSilo);
    var cpu = gateway.ProcessorTime - cpuBefore;
    Report("direct to provider", direct, null);
    if (proxied is not null)
    {
        Report("through nginx", proxied, direct);
    }

    Report("through front silo", platform, direct);
    Console.WriteLine($"  front silo CPU: {cpu.TotalMilliseconds:F0} ms for {platform.Answers} answers, {platform.Tokens} tokens: {cpu.TotalMilliseconds * 1000 / platform.Answers:F0} µs per answer, {cpu.TotalMilliseconds * 1000 / platform.Tokens:F1} µs per token (start and settlement included)");
    return (cpu, platform);
}

// Streams of one path: all at once (a burst), or kept at N concurrent for a while (steady state: each
// of N clients asks again as soon as its answer ends, the first questions spread over one answer's length).
async Task<StreamTimings> Burst(Answer answer)
{
    var timings = new StreamTimings();
    await Task.WhenAll(Enumerable.Range(0, streams).Select(i => answer(i, timings, true)));
    return timings;
}

async Task<StreamTimings> Steady(Answer answer, int seconds, int? answerTokens = null)
{
    var timings = new StreamTimings();
    var answerLength = ttft + gap * ((answerTokens ?? tokens) - 1);
    var measureFrom = Stopwatch.GetTimestamp() + (long)(answerLength.TotalSeconds * 2 * Stopwatch.Frequency);
    var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
    await Task.WhenAll(Enumerable.Range(0, streams).Select(async i =>
    {
        await Task.Delay(answerLength * i / streams);
        while (Stopwatch.GetTimestamp() < until)
        {
            await answer(i, timings, Stopwatch.GetTimestamp() >= measureFrom);
        }
    }));
    return timings;
}

Answer Direct(string baseUrl)
{
    var client = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri(baseUrl), RetryPolicy = new ClientRetryPolicy(0) })
        .GetChatClient("bench").AsIChatClient();
    return async (_, timings, measured) =>
    {
        try
        {
            var stream = new StreamClock(timings, measured);
            await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "benchmark question")]))
            {
                stream.Received(update.Text);
            }
        }
        catch (Exception error) when (error is ClientResultException or HttpRequestException or IOException)
        {
            timings.Failed();
        }
    };
}

Answer Platform(ChatService.ChatServiceClient chat, Metadata headers, List<string> sessions) =>
    async (i, timings, measured) =>
    {
        try
        {
            var stream = new StreamClock(timings, measured);
            using var call = chat.SendMessage(new SendMessageRequest { SessionId = sessions[i], Text = "benchmark question" }, headers);
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                if (call.ResponseStream.Current.EventCase == SendMessageResponse.EventOneofCase.Delta)
                {
                    stream.Received(call.ResponseStream.Current.Delta);
                }
            }
        }
        catch (RpcException)
        {
            timings.Failed();
        }
    };

async Task CancelLatency(ChatService.ChatServiceClient chat, Metadata headers, List<string> sessions)
{
    fake.Behavior = new FakeChatBehavior { Tokens = 100_000, InterTokenGap = TimeSpan.FromMilliseconds(5) };
    var latencies = new LatencyRecorder();
    for (var i = 0; i < cancels; i++)
    {
        using var abort = new CancellationTokenSource();
        var received = fake.NextRequestReceived;
        using var call = chat.SendMessage(new SendMessageRequest { SessionId = sessions[i], Text = "cancel me" }, headers, cancellationToken: abort.Token);
        for (var events = 0; events < 4; events++)
        {
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }

        var cancelledAt = fake.Now;
        await abort.CancelAsync();
        var request = await received.WaitAsync(TimeSpan.FromSeconds(10));
        await request.Finished.WaitAsync(TimeSpan.FromSeconds(10));
        if (request.AbortedAt is not { } abortedAt)
        {
            Console.WriteLine($"  round {i}: the provider request ended without an abort: {request}");
            continue;
        }

        latencies.Record(abortedAt - cancelledAt);
        await Task.Delay(20);
    }

    if (latencies.Count == 0)
    {
        return;
    }

    var cancel = latencies.Summary();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"client cancel -> provider connection closed ({cancels} rounds): p50 {cancel.P50:F2} ms, p95 {cancel.P95:F2} ms, p99 {cancel.P99:F2} ms, max {cancel.Max:F2} ms"));
}

async Task MemoryPerStream(ChatService.ChatServiceClient chat, Metadata headers, List<string> sessions)
{
    fake.Behavior = new FakeChatBehavior { Tokens = 100_000, InterTokenGap = TimeSpan.FromSeconds(1) };
    GC.Collect();
    await Task.Delay(2000);
    var before = Rss(gateway.Id);
    using var stop = new CancellationTokenSource();
    var held = Enumerable.Range(0, hold).Select(async i =>
    {
        try
        {
            using var call = chat.SendMessage(new SendMessageRequest { SessionId = sessions[i], Text = "hold" }, headers, cancellationToken: stop.Token);
            while (await call.ResponseStream.MoveNext(stop.Token))
            {
            }
        }
        catch (RpcException)
        {
            // Cancelled at the end of the measurement.
        }
    }).ToList();
    await Eventually.WithinAsync(() => fake.ActiveStreams >= hold, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(500));

    await Task.Delay(3000);
    var during = Rss(gateway.Id);
    Console.WriteLine($"streams held: {fake.ActiveStreams} of {hold}; front silo RSS {before / 1024} MiB -> {during / 1024} MiB: {(during - before) / (double)Math.Max(1, fake.ActiveStreams):F1} KiB per stream");
    await stop.CancelAsync();
    await Task.WhenAll(held);
}

void Report(string name, StreamTimings timings, StreamTimings? baseline)
{
    var first = timings.FirstTokens.Summary();
    var gaps = timings.Gaps.Summary();
    var line = string.Create(CultureInfo.InvariantCulture, $"  {name,-20} first token p50 {first.P50:F2} p99 {first.P99:F2} ms; inter-token p50 {gaps.P50:F2} p99 {gaps.P99:F2} ms; failed {timings.Failures}");
    if (baseline is not null)
    {
        var baseFirst = baseline.FirstTokens.Summary();
        var baseGaps = baseline.Gaps.Summary();
        line += string.Create(CultureInfo.InvariantCulture, $"\n  {"",-20} added: first token p50 {first.P50 - baseFirst.P50:F2} p99 {first.P99 - baseFirst.P99:F2} ms; inter-token p99 {gaps.P99 - baseGaps.P99:F2} ms");
    }

    Console.WriteLine(line);
}

async Task<string> Token()
{
    var mint = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { gatewayDll, "token", "--tenant", "bench", "--user", "loadgen", "--role", "admin", "--key", key }, RedirectStandardOutput = true })!;
    var text = await mint.StandardOutput.ReadToEndAsync();
    await mint.WaitForExitAsync();
    return text.Trim();
}

static long Rss(int pid) =>
    long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
