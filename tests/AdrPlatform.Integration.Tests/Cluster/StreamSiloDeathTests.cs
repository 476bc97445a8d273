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
/// Two front silos on PostgreSQL. A chat answer streams from silo A, which is killed mid-stream:
/// the stream never settles, so its reservation must expire and release the held budget.
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
        var chat = new ChatService.ChatServiceClient(a);
        var session = await chat.CreateSessionAsync(new CreateSessionRequest());
        await Task.Delay(500);
        using var call = chat.SendMessage(new SendMessageRequest { SessionId = session.Id, Text = "How does redis handle sessions, zones and monitoring?" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var tenantB = new TenantService.TenantServiceClient(b);
        Assert.True((await tenantB.GetUsageAsync(new GetUsageRequest())).ReservedUsd > 0, "the streaming answer holds a reservation");
        siloA.Kill();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        GetUsageResponse usage;
        while (true)
        {
            try
            {
                usage = await tenantB.GetUsageAsync(new GetUsageRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
                if (usage.ReservedUsd == 0 || DateTime.UtcNow > deadline)
                {
                    break;
                }
            }
            catch (RpcException) when (DateTime.UtcNow < deadline)
            {
                // The tenant grain may have lived on the dead silo: it comes back on B once the death is declared.
            }

            await Task.Delay(500);
        }

        Assert.Equal(0, usage.ReservedUsd);
        Assert.Equal(0, Assert.Single(usage.Users).ActiveStreams);

        CallInvoker Authorized(GrpcChannel channel) => channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });

        SiloProcess Front(int port) => SiloProcess.Start("gateway", "adrplatform-gateway", new Dictionary<string, string>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:AdrPlatform"] = PostgresDatabase.AppConnectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:Membership:ProbeTimeout"] = "00:00:01",
            ["Cluster:Membership:NumMissedProbesLimit"] = "2",
            ["Cluster:Membership:NumVotesForDeathDeclaration"] = "1",
            ["Cluster:Messaging:ResponseTimeout"] = "00:00:05",
            ["Gateway:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Gateway:ManagementPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Auth:DevelopmentKeyPath"] = keyPath,
            ["Chat:InputPricePerMillionTokens"] = "1000",
            ["Chat:OutputPricePerMillionTokens"] = "1000",
            ["Chat:ReservationLifetime"] = "00:00:04",
            ["Chat:Provider:LocalWordInterval"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }
}
