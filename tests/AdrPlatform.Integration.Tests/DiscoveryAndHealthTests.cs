using AdrPlatform.Gateway.Hosting;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace AdrPlatform.Integration.Tests;

/// <summary>What a client finds without a token: server reflection, gRPC health and HTTP probes.</summary>
public class DiscoveryAndHealthTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task Reflection_lists_the_services()
    {
        var reflection = new ServerReflection.ServerReflectionClient(host.Channel(Transport.Grpc));
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("adrplatform.adr.v1.AdrService", services);
        Assert.Contains("adrplatform.tenant.v1.TenantService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Theory]
    [InlineData(Transport.Grpc)]
    [InlineData(Transport.GrpcWeb)]
    public async Task Health_reports_serving(Transport transport)
    {
        var health = new Health.HealthClient(host.Channel(transport));
        var response = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_over_http()
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.Equal("Healthy", await http.GetStringAsync(new Uri("/readyz", UriKind.Relative)));
    }

    [Fact]
    public void The_token_command_mints_a_token_the_front_silo_accepts_and_refuses_bad_options()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Assert.Equal(0, TokenCommand.Run(["--tenant", "acme", "--user", "alice", "--role", "editor", "--key", host.KeyPath], output, errors));
        var token = output.ToString().Trim();
        Assert.Equal(3, token.Split('.').Length);
        var me = new Clients(host, Transport.Grpc, token).Tenants.WhoAmI(new Contracts.Tenant.V1.WhoAmIRequest());
        Assert.Equal(("acme", "alice"), (me.Tenant, me.User));

        Assert.Equal(2, TokenCommand.Run(["--tenant", "acme", "--user", "alice", "--role", "superuser"], output, errors));
        Assert.Equal(2, TokenCommand.Run(["--user", "alice"], output, errors));
        Assert.Equal(2, TokenCommand.Run(["--tenant", "Acme", "--user", "alice"], output, errors));
        Assert.Contains("--tenant must be", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: token", errors.ToString(), StringComparison.Ordinal);
    }
}
