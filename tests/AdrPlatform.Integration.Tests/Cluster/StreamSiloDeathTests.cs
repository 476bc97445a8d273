using System.Globalization;
using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Chat.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>
/// Two front silos on PostgreSQL. Chat answers stream from silo A and from silo B; A is killed mid-stream. A's answer
/// never settles, so its reservation must expire and release the held budget, while B's answer — streaming for longer
/// than a reservation's lifetime — keeps its reservation, renewed by its living silo.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class StreamSiloDeathTests(PostgresDatabase database)
{
    [Fact]
    public async Task Killing_the_silo_of_a_streaming_answer_releases_its_reservation()
    {
        _ = database;
        var clusterId = "stream-" + Guid.NewGuid().ToString("N")[..8];
        var keyPath = Path.Combine(Path.GetTempPath(), "adrplatform-tests", clusterId, "dev-key");
        var token = DevelopmentIssuer.LoadOrCreate(keyPath).Mint("t" + clusterId[7..], "ada", ["admin"], "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        var (portA, portB) = (FreePort.Next(), FreePort.Next());
        using var siloA = Front(portA);
        using var siloB = Front(portB);

        using var channelA = GrpcChannel.ForAddress($"http://127.0.0.1:{portA}");
        using var channelB = GrpcChannel.ForAddress($"http://127.0.0.1:{portB}");
        var a = Authorized(channelA);
        var b = Authorized(channelB);
        await siloA.WaitUntilServingAsync(() => new AdrService.AdrServiceClient(a).ListAdrsAsync(new ListAdrsRequest { PageSize = 1 }, deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);
        await siloB.WaitUntilServingAsync(() => new AdrService.AdrServiceClient(b).ListAdrsAsync(new ListAdrsRequest { PageSize = 1 }, deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync);

        await new AdrService.AdrServiceClient(a).CreateAdrAsync(new CreateAdrRequest
        {
            Title = "Caching",
            Body = "Redis caches sessions. Redis evicts old sessions. Redis runs in three zones. Redis is monitored closely. Redis keeps sessions warm.",
        });
        await Task.Delay(500);
        var tenant = new TenantService.TenantServiceClient(b);

        // The control: an answer streaming from the surviving silo, which must keep its reservation throughout.
        var control = await StartAnswerAsync(new ChatService.ChatServiceClient(b));
        var controlReserved = (await tenant.GetUsageAsync(new GetUsageRequest())).ReservedUsd;
        var controlFinished = ReadToEndAsync(control);
        var doomed = await StartAnswerAsync(new ChatService.ChatServiceClient(a));
        var bothReserved = (await tenant.GetUsageAsync(new GetUsageRequest())).ReservedUsd;
        Assert.True(controlReserved > 0 && bothReserved > controlReserved, $"both answers hold a reservation ({controlReserved}, {bothReserved})");
        siloA.Kill();

        // Past the lifetime the dead silo's reservation is gone; the living one, renewed by its silo, is not.
        var usage = await Eventually.HoldsAsync<GetUsageResponse?>(
            async () =>
            {
                try
                {
                    return await tenant.GetUsageAsync(new GetUsageRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
                }
                catch (RpcException)
                {
                    return null; // The tenant grain may have lived on the dead silo: it comes back on B once the death is declared.
                }
            },
            u => u?.ReservedUsd == controlReserved,
            u => $"the dead silo's reservation never expired (reserved {u?.ReservedUsd} of {controlReserved} / {bothReserved}; control answer finished: {controlFinished.IsCompleted})",
            TimeSpan.FromSeconds(60),
            TimeSpan.FromMilliseconds(500));

        var ended = controlFinished.IsCompleted ? await controlFinished : "";
        Assert.False(controlFinished.IsCompleted, $"[{ended}] the control answer must still stream when the dead silo's reservation expires (reserved {usage?.ReservedUsd} of {controlReserved} / {bothReserved})");
        Assert.Equal(controlReserved, usage?.ReservedUsd);
        Assert.Equal(1, Assert.Single(usage!.Users).ActiveStreams);
        Assert.Equal("stop", await controlFinished);
        var after = await tenant.GetUsageAsync(new GetUsageRequest());
        Assert.Equal(0, after.ReservedUsd);
        Assert.Equal(0, Assert.Single(after.Users).ActiveStreams);
        doomed.Dispose();
        control.Dispose();

        static async Task<AsyncServerStreamingCall<SendMessageResponse>> StartAnswerAsync(ChatService.ChatServiceClient chat)
        {
            var session = await chat.CreateSessionAsync(new CreateSessionRequest());
            var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "How does redis handle sessions, zones and monitoring?" });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            return call;
        }

        static async Task<string> ReadToEndAsync(AsyncServerStreamingCall<SendMessageResponse> call)
        {
            var finish = "";
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                finish = call.ResponseStream.Current.Finished?.FinishReason ?? finish;
            }

            return finish;
        }

        CallInvoker Authorized(GrpcChannel channel) => channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });

        SiloProcess Front(int port) => SiloProcess.Start("gateway", "adrplatform-gateway", new Dictionary<string, string>
        {
            ["Storage:Provider"] = "postgres",
            ["Embeddings:Provider"] = "hashing",
            ["ConnectionStrings:AdrPlatform"] = PostgresDatabase.AppConnectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:Membership:ProbeTimeout"] = "00:00:01",
            ["Cluster:Membership:NumMissedProbesLimit"] = "2",
            ["Cluster:Membership:NumVotesForDeathDeclaration"] = "1",
            ["Cluster:Messaging:ResponseTimeout"] = "00:00:30",
            ["Gateway:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Management:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Auth:DevelopmentKeyPath"] = keyPath,
            ["Chat:Models:default:InputPricePerMillionTokens"] = "1000",
            ["Chat:Models:default:OutputPricePerMillionTokens"] = "1000",
            ["Chat:ReservationLifetime"] = "00:00:06",
            ["Chat:Models:default:Providers:0:LocalWordInterval"] = "00:00:01.500",
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }
}
