using System.Globalization;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Integration.Tests.Infrastructure;
using AdrPlatform.Integration.Tests.Jobs;
using AdrPlatform.Streaming.Kafka.Testing;
using Google.Protobuf;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests.Monitoring;

/// <summary>
/// Every metric the alert rules and the Grafana dashboards (k8s/monitoring) read is one a real silo exports:
/// a front silo holding every role, on PostgreSQL and Kafka (librdkafka's mock cluster), scraped on its
/// management port after some chat, ADR and ingestion traffic.
/// </summary>
[Collection(ScrapedAlone.Name)]
public sealed class MonitoringMetricsTests : IAsyncLifetime
{
    /// <summary>Series Prometheus makes itself for every target, not read from /metrics.</summary>
    private static readonly HashSet<string> ScrapeSeries = ["up"];

    private const string Question = "Where are tenant records stored?";

    private KafkaMockCluster _kafka = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        _kafka = MockKafka.StartWithPlatformTopics();
        _host = GatewayHost.With(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:AdrPlatform"] = PostgresDatabase.AppConnectionString,
            ["Streams:Provider"] = "kafka",
            ["Streams:Partitions"] = MockKafka.Partitions.ToString(CultureInfo.InvariantCulture),
            ["Streams:Kafka:BootstrapServers"] = _kafka.BootstrapServers,
            ["Streams:Kafka:ConsumerGroup"] = "tests-" + Guid.NewGuid().ToString("N")[..8],
            // Short answers at $0.001 a token, so two answers move a budget (as in BudgetAlertsApiTests).
            ["Chat:MaxOutputTokens"] = "20",
            ["Chat:Models:default:InputPricePerMillionTokens"] = "1000",
            ["Chat:Models:default:OutputPricePerMillionTokens"] = "1000",
            ["Chat:Models:default:Providers:0:LocalWordInterval"] = "00:00:00.010",
            ["Chat:Models:unreachable:Providers:0:Provider"] = "openai",
            ["Chat:Models:unreachable:Providers:0:Endpoint"] = $"http://127.0.0.1:{FreePort.Next()}/v1",
            ["Chat:Models:unreachable:Providers:0:Model"] = "gpt-test",
            ["Chat:Models:unreachable:Resilience:MaxRetries"] = "0",
            ["Chat:DefaultModel"] = "default",
        });
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _kafka.Dispose();
    }

    [Fact]
    public async Task Every_metric_the_alerts_and_dashboards_read_is_exported()
    {
        await MakeTrafficAsync();
        var monitoring = Path.Combine(SiloProcess.RepositoryRoot(), "k8s", "monitoring");
        var referenced = PromQlMetricNames.RuleExpressions(await File.ReadAllTextAsync(Path.Combine(monitoring, "alert-rules.yaml")))
            .Concat(Directory.GetFiles(Path.Combine(monitoring, "dashboards"), "*.json").SelectMany(f => PromQlMetricNames.DashboardExpressions(File.ReadAllText(f))))
            .SelectMany(PromQlMetricNames.In)
            .Except(ScrapeSeries)
            .ToHashSet();
        Assert.Contains("adrplatform_kafka_consumer_lag", referenced);
        Assert.Contains("db_client_connection_count", referenced);

        using var http = new HttpClient { BaseAddress = _host.ManagementAddress };
        // Gauges appear once their silo has something to say (a committed offset, a settled answer); scrapes are cached briefly.
        await Eventually.HoldsAsync(
            async () => ExportedNames(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))),
            names => referenced.IsSubsetOf(names),
            names => "read by the alerts or dashboards but not exported: " + string.Join(", ", referenced.Except(names).Order()));
    }

    /// <summary>
    /// Traffic that moves every series: answers that take one tenant past 70 % of its budget (as BudgetAlertsApiTests
    /// does), an answer another tenant aborts, one whose provider cannot be reached, and an ingestion job.
    /// </summary>
    private async Task MakeTrafficAsync()
    {
        var (spender, chat) = await TenantWithOneAdrAsync();
        await spender.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = 10 });
        var firstCost = await AnswerCostAsync(chat);
        await spender.Tenants.SetBudgetAsync(new SetBudgetRequest { MonthlyBudgetUsd = Math.Round((2 * firstCost) + 0.03, 2) });
        await AnswerCostAsync(chat);

        var (other, otherChat) = await TenantWithOneAdrAsync();
        var session = await otherChat.CreateSessionAsync(new CreateSessionRequest());
        using (var aborted = new CancellationTokenSource())
        using (var call = otherChat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = Question }, cancellationToken: aborted.Token))
        {
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            await aborted.CancelAsync();
        }

        await Assert.ThrowsAsync<RpcException>(async () =>
        {
            var fresh = await otherChat.CreateSessionAsync(new CreateSessionRequest()); // the aborted answer may still be settling in the first
            using var call = otherChat.SendMessage(new SendMessageRequest { SessionId = fresh.Id, Text = Question, Model = "unreachable" });
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });

        var jobs = new JobService.JobServiceClient(other.Invoker);
        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "notes.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8(SampleDocuments.Markdown()) });
        await JobWatching.UntilFinishedAsync(jobs, job.Id);
    }

    private async Task<(Clients Admin, ChatService.ChatServiceClient Chat)> TenantWithOneAdrAsync()
    {
        var admin = Clients.For(_host, Transport.Grpc, Rpc.Tenant(), "ada", "admin");
        var adr = await admin.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use PostgreSQL", Body = "Tenant records are stored in PostgreSQL." });
        await admin.UntilSearchableAsync(adr);
        return (admin, new ChatService.ChatServiceClient(admin.Invoker));
    }

    /// <summary>The cost of one answer in a fresh session (no history: the same prompt, the same cost).</summary>
    private static async Task<double> AnswerCostAsync(ChatService.ChatServiceClient chat)
    {
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        using var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = Question });
        var cost = 0.0;
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            cost = call.ResponseStream.Current.EventCase == SendMessageResponse.EventOneofCase.Usage ? call.ResponseStream.Current.Usage.CostUsd : cost;
        }

        return cost;
    }

    /// <summary>Sample names of a Prometheus text exposition (histograms' _bucket, _sum and _count included).</summary>
    private static HashSet<string> ExportedNames(string exposition) =>
        exposition.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[..line.IndexOfAny(['{', ' '])])
            .ToHashSet();
}

/// <summary>
/// Runs apart from every other test class: hosts starting and stopping beside it in this process took ASP.NET Core's
/// and Orleans' instruments out of its scrape (seen as missing http_server_*, kestrel_* and orleans_* series).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScrapedAlone : ICollectionFixture<PostgresDatabase>
{
    public const string Name = "scraped alone";
}
