using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Jobs.V1;
using AdrPlatform.Integration.Tests.Jobs;
using Google.Protobuf;
using Grpc.Health.V1;
using AdrPlatform.Integration.Tests.Infrastructure;

namespace AdrPlatform.Integration.Tests;

/// <summary>Metrics on the management port's /metrics and one trace from the RPC through the grains to the answer, with no prompt text in either.</summary>
public class ObservabilityTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task A_chat_answer_shows_in_metrics_and_in_one_trace()
    {
        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            // What an exporter listens to (Telemetry:OtlpEndpoint): Orleans' grain-call spans carry the trace between grains.
            ShouldListenTo = source => source.Name is "AdrPlatform" or "Microsoft.AspNetCore" or "Microsoft.Orleans.Runtime" or "Microsoft.Orleans.Application",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var tenant = Rpc.Tenant();
        await ChatOnceAsync(tenant, "Where are tenant records stored, zebra-quartz?");

        using var http = new HttpClient { BaseAddress = host.ManagementAddress };
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("adrplatform_chat_first_token_duration", metrics, StringComparison.Ordinal);
        Assert.Contains("adrplatform_chat_inter_token_duration", metrics, StringComparison.Ordinal);
        Assert.Contains($"tenant=\"{tenant}\"", metrics, StringComparison.Ordinal);
        Assert.Contains("adrplatform_chat_tokens", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("zebra-quartz", metrics, StringComparison.Ordinal);

        var answer = Assert.Single(activities, a => a.OperationName == "chat.answer" && Equals(a.GetTagItem("adrplatform.tenant"), tenant));
        var request = Assert.Single(activities, a => a.Source.Name == "Microsoft.AspNetCore" && a.TraceId == answer.TraceId);
        Assert.Equal("/adrplatform.chat.v1.ChatService/SendMessage", request.GetTagItem("grpc.method"));
        Assert.Equal("stop", answer.GetTagItem("adrplatform.finish_reason"));
        Assert.DoesNotContain(answer.TagObjects, tag => tag.Value?.ToString()?.Contains("zebra-quartz", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Metrics_are_served_on_the_management_port_only_and_anonymous_answers_name_no_tenant()
    {
        var tenant = Rpc.Tenant();
        await ChatOnceAsync(tenant, "Where are tenant records stored?");
        using var management = new HttpClient { BaseAddress = host.ManagementAddress };
        Assert.Contains($"tenant=\"{tenant}\"", await management.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal("Healthy", await management.GetStringAsync(new Uri("/readyz", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync(new Uri("/adrplatform.tenant.v1.TenantService/WhoAmI", UriKind.Relative))).StatusCode);

        using var api = new HttpClient { BaseAddress = host.Address };
        using var metrics = await api.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        var anonymous = new List<string> { await metrics.Content.ReadAsStringAsync() };
        foreach (var path in new[] { "/healthz", "/readyz", "/", "/metrics/", "/metrics?format=text" })
        {
            anonymous.Add(await (await api.GetAsync(new Uri(path, UriKind.Relative))).Content.ReadAsStringAsync());
        }

        var health = await new Health.HealthClient(host.Channel(Transport.Grpc)).CheckAsync(new HealthCheckRequest());
        anonymous.Add(health.ToString());
        Assert.DoesNotContain(anonymous, text => text.Contains(tenant, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Finished_jobs_show_in_metrics_by_state_without_document_names()
    {
        var tenant = Rpc.Tenant();
        var jobs = new JobService.JobServiceClient(Clients.For(host, Transport.Grpc, tenant, "ada", "editor").Invoker);
        var job = await jobs.SubmitIngestionAsync(new SubmitIngestionRequest { Name = "secret-plan-walrus.md", MediaType = "text/markdown", Content = ByteString.CopyFromUtf8("# Plan\n\nQuiet.") });
        await JobWatching.UntilFinishedAsync(jobs, job.Id);

        using var http = new HttpClient { BaseAddress = host.ManagementAddress };
        // The job's end is recorded just after watchers hear of it, and scrapes may be cached briefly.
        var finishedHere = $"state=\"succeeded\",tenant=\"{tenant}\"";
        var metrics = await Eventually.HoldsAsync(
            () => http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), m => m.Contains(finishedHere, StringComparison.Ordinal), "the finished job is not in /metrics");

        Assert.Contains("adrplatform_jobs_finished", metrics, StringComparison.Ordinal);
        Assert.Contains("adrplatform_jobs_duration", metrics, StringComparison.Ordinal);
        Assert.Contains(finishedHere, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("walrus", metrics, StringComparison.Ordinal);
    }

    private async Task ChatOnceAsync(string tenant, string question)
    {
        var clients = Clients.For(host, Transport.Grpc, tenant, "ada", "editor");
        var chat = new ChatService.ChatServiceClient(clients.Invoker);
        var adr = await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Use PostgreSQL", Body = "Tenant records are stored in PostgreSQL." });
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        await clients.UntilSearchableAsync(adr);
        using var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = question });
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
        }
    }
}
