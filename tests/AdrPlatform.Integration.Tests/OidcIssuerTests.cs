using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;

namespace AdrPlatform.Integration.Tests;

/// <summary>Production auth: tokens validated against a configured OIDC issuer's JWKS, fetched over HTTP.</summary>
public sealed class OidcIssuerTests : IAsyncLifetime, IDisposable
{
    private readonly FakeOidcIssuer _issuer = new();
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        await _issuer.StartAsync();
        _host = GatewayHost.With(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = _issuer.Issuer,
            ["Auth:RequireHttpsMetadata"] = "false",
        });
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    public void Dispose() => _issuer.Dispose();

    [Fact]
    public async Task Tokens_of_the_configured_issuer_are_accepted()
    {
        var clients = new Clients(_host, Transport.Grpc, _issuer.Mint("globex", "hank", ["editor"]));
        var me = await clients.Tenants.WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal("globex", me.Tenant);
        Assert.Equal("ADR-0001", (await clients.Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Via OIDC", Body = "x" })).Id);
    }

    [Fact]
    public async Task Development_tokens_and_other_issuers_are_refused_when_an_issuer_is_configured()
    {
        var development = DevelopmentIssuer.LoadOrCreate(_host.KeyPath).Mint("globex", "hank", ["admin"], "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        await Rpc.Fails(StatusCode.Unauthenticated, () => new Clients(_host, Transport.Grpc, development).Tenants.WhoAmIAsync(new WhoAmIRequest()));
        var wrongIssuer = _issuer.Mint("globex", "hank", ["admin"], issuer: "http://evil.example");
        await Rpc.Fails(StatusCode.Unauthenticated, () => new Clients(_host, Transport.Grpc, wrongIssuer).Tenants.WhoAmIAsync(new WhoAmIRequest()));
    }
}
