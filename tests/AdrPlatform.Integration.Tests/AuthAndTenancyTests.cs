using AdrPlatform.Contracts.Adr.V1;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AdrPlatform.Integration.Tests;

/// <summary>Tokens, roles and tenant isolation against the real front silo and its development issuer.</summary>
public class AuthAndTenancyTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private static readonly string[] TwoTenants = ["acme", "globex"];
    private static readonly string[] AdminRole = ["admin"];

    public static TheoryData<Transport> Transports => [Transport.Grpc, Transport.GrpcWeb];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task WhoAmI_answers_from_the_token(Transport transport)
    {
        var me = await Clients.For(host, transport, "acme", "alice", "viewer", "editor").Tenants.WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal("acme", me.Tenant);
        Assert.Equal("alice", me.User);
        Assert.Equal(["viewer", "editor"], me.Roles);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_call_without_a_token_is_unauthenticated(Transport transport)
    {
        var client = new AdrService.AdrServiceClient(host.Channel(transport));
        var message = await Rpc.Fails(StatusCode.Unauthenticated, () => client.GetAdrAsync(new GetAdrRequest { Id = "1" }));
        Assert.Contains("bearer token is required", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Expired_forged_and_foreign_tokens_are_unauthenticated(Transport transport)
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(host.KeyPath);
        var expired = issuer.Mint("acme", "alice", ["admin"], "adrplatform", TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow.AddHours(-2));
        var forged = DevelopmentIssuer.LoadOrCreate(Path.Combine(Path.GetTempPath(), "adrplatform-tests", Guid.NewGuid().ToString("N"), "k"))
            .Mint("acme", "alice", ["admin"], "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        var otherAudience = issuer.Mint("acme", "alice", ["admin"], "someone-else", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        var tampered = host.Token("acme", "alice", "viewer");
        tampered = tampered[..^4] + (tampered[^4] == 'A' ? "BBBB" : "AAAA");

        Assert.Contains("expired", await Call(expired), StringComparison.Ordinal);
        Assert.Contains("signature", await Call(forged), StringComparison.Ordinal);
        Assert.Contains("audience", await Call(otherAudience), StringComparison.Ordinal);
        await Call(tampered);
        await Call("not-a-jwt");

        Task<string> Call(string token) =>
            Rpc.Fails(StatusCode.Unauthenticated, () => new Clients(host, transport, token).Adrs.GetAdrAsync(new GetAdrRequest { Id = "1" }));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Viewers_read_but_cannot_write(Transport transport)
    {
        var tenant = Rpc.Tenant();
        var created = await Clients.For(host, transport, tenant, "alice", "editor").Adrs.CreateAdrAsync(new CreateAdrRequest { Title = "Readable", Body = "x" });
        var viewer = Clients.For(host, transport, tenant, "victor", "viewer").Adrs;
        Assert.Equal("Readable", (await viewer.GetAdrAsync(new GetAdrRequest { Id = created.Id })).Title);
        var message = await Rpc.Fails(StatusCode.PermissionDenied, () => viewer.CreateAdrAsync(new CreateAdrRequest { Title = "Nope" }));
        Assert.Contains("needs the editor role", message, StringComparison.Ordinal);
        await Rpc.Fails(StatusCode.PermissionDenied, () => viewer.UpdateAdrAsync(new UpdateAdrRequest { Id = created.Id, ExpectedVersion = 1, Title = "x" }));
        await Rpc.Fails(StatusCode.PermissionDenied, () => Clients.For(host, transport, tenant, "nobody").Adrs.GetAdrAsync(new GetAdrRequest { Id = created.Id }));
        Assert.Equal(0, (await viewer.ListAdrsAsync(new ListAdrsRequest())).Adrs.Count(a => a.Title != "Readable"));
    }

    private string TokenWithTenantClaim(object tenant) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = DevelopmentIssuer.IssuerName,
        Audience = "adrplatform",
        Claims = new Dictionary<string, object> { ["sub"] = "alice", ["tenant"] = tenant, ["roles"] = AdminRole },
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(DevelopmentIssuer.LoadOrCreate(host.KeyPath).Key, SecurityAlgorithms.HmacSha256),
    });

    [Fact]
    public async Task A_token_without_a_tenant_is_permission_denied()
    {
        var issuer = DevelopmentIssuer.LoadOrCreate(host.KeyPath);
        var token = issuer.Mint(string.Empty, "alice", ["admin"], "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        await Rpc.Fails(StatusCode.PermissionDenied, () => new Clients(host, Transport.Grpc, token).Adrs.GetAdrAsync(new GetAdrRequest { Id = "1" }));
    }

    public static TheoryData<string> NonCanonicalTenants =>
        ["Acme", " acme", "acme ", "acme\n", "\u212Aelvin", "acm\u00E9", "-acme", "acme/other", new string('a', 64)];

    [Theory]
    [MemberData(nameof(NonCanonicalTenants))]
    public async Task A_tenant_claim_not_in_canonical_form_is_refused_not_normalised(string tenant)
    {
        var message = await Rpc.Fails(StatusCode.PermissionDenied, () => new Clients(host, Transport.Grpc, TokenWithTenantClaim(tenant)).Tenants.WhoAmIAsync(new WhoAmIRequest()));
        Assert.Contains("not a tenant id", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_token_naming_several_tenants_is_refused(Transport transport)
    {
        var token = TokenWithTenantClaim(TwoTenants);
        var message = await Rpc.Fails(StatusCode.PermissionDenied, () => new Clients(host, transport, token).Tenants.WhoAmIAsync(new WhoAmIRequest()));
        Assert.Contains("2 tenants", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Another_tenants_adr_is_not_found_exactly_like_a_missing_one(Transport transport)
    {
        var mine = Clients.For(host, transport, Rpc.Tenant(), "alice", "admin").Adrs;
        var theirs = Clients.For(host, transport, Rpc.Tenant(), "mallory", "admin").Adrs;
        var secret = await mine.CreateAdrAsync(new CreateAdrRequest { Title = "Secret", Body = "classified" });

        var foreign = await Rpc.Fails(StatusCode.NotFound, () => theirs.GetAdrAsync(new GetAdrRequest { Id = secret.Id }));
        var missing = await Rpc.Fails(StatusCode.NotFound, () => mine.GetAdrAsync(new GetAdrRequest { Id = "ADR-0999" }));
        Assert.Equal(foreign.Replace("0001", "0999", StringComparison.Ordinal), missing);
        await Rpc.Fails(StatusCode.NotFound, () => theirs.UpdateAdrAsync(new UpdateAdrRequest { Id = secret.Id, ExpectedVersion = 1, Title = "Pwned" }));
        await Rpc.Fails(StatusCode.NotFound, () => theirs.DeleteAdrAsync(new DeleteAdrRequest { Id = secret.Id }));
        await Rpc.Fails(StatusCode.NotFound, () => theirs.ListVersionsAsync(new ListVersionsRequest { Id = secret.Id }));
        Assert.Empty((await theirs.ListAdrsAsync(new ListAdrsRequest { Text = "classified" })).Adrs);
        Assert.Empty((await theirs.ExportMarkdownAsync(new ExportMarkdownRequest())).Files);
        Assert.Equal("Secret", (await mine.GetAdrAsync(new GetAdrRequest { Id = secret.Id })).Title);
    }
}
