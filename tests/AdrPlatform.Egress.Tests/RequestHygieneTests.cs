using AdrPlatform.Domain.Egress;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Egress.Tests;

/// <summary>What a fetch sends and to whom: allowlists per tenant and tool, https unless allowed, its own user agent, no cookies.</summary>
public class RequestHygieneTests(LoopbackSite site) : IClassFixture<LoopbackSite>
{
    [Fact]
    public async Task A_tenant_without_settings_may_fetch_nothing()
    {
        await using var egress = await EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback("someone-else", site.Port));

        await egress.RefusedAsync($"{site.Origin}/ok", EgressRefusalReason.HostNotAllowed);
    }

    [Fact]
    public async Task A_tool_s_list_narrows_the_tenant_s()
    {
        await using var egress = await EgressHost.StartAsync(tenant =>
        {
            var settings = EgressHost.AnyHostWithLoopback(tenant, site.Port);
            settings[$"Egress:Tenants:{tenant}:Tools:{EgressHost.Tool}:Hosts:0"] = "docs.example.com";
            return settings;
        });

        await egress.RefusedAsync($"{site.Origin}/ok", EgressRefusalReason.HostNotAllowed);
    }

    [Fact]
    public async Task Plain_http_is_refused_unless_the_tenant_allows_it()
    {
        await using var egress = await EgressHost.StartAsync(tenant =>
        {
            var settings = EgressHost.AnyHostWithLoopback(tenant, site.Port);
            settings[$"Egress:Tenants:{tenant}:AllowHttp"] = "false";
            return settings;
        });

        await egress.RefusedAsync($"{site.Origin}/ok", EgressRefusalReason.SchemeNotAllowed);
    }

    [Fact]
    public async Task Requests_carry_the_configured_user_agent_and_never_a_cookie_or_credentials()
    {
        await using var egress = await EgressHost.StartAsync(tenant =>
        {
            var settings = EgressHost.AnyHostWithLoopback(tenant, site.Port);
            settings["Egress:UserAgent"] = "AdrPlatform-Test/2.0 (+https://example.com/bot)";
            return settings;
        });

        var first = await egress.FetchAsync($"{site.Origin}/ok");
        await egress.FetchAsync($"{site.Origin}/ok");

        Assert.Equal("session=secret; Path=/", Assert.Single(first.Headers["set-cookie"]));
        var seen = site.SeenHeaders.TakeLast(2).ToList();
        Assert.All(seen, headers =>
        {
            Assert.Equal("AdrPlatform-Test/2.0 (+https://example.com/bot)", headers.UserAgent.ToString());
            Assert.False(headers.ContainsKey("Cookie"));
            Assert.False(headers.ContainsKey("Authorization"));
        });
    }

    [Fact]
    public async Task A_refusal_is_logged_with_its_reason_and_host_but_not_the_path_or_query()
    {
        await using var egress = await EgressHost.StartAsync(EgressHost.AnyHost);

        await egress.RefusedAsync("http://169.254.169.254/latest/meta-data/iam/security-credentials/admin?token=s3cr3t", EgressRefusalReason.AddressNotAllowed);

        var line = Assert.Single(egress.Logs.Entries, entry => entry.Message.Contains("Egress refused", StringComparison.Ordinal)).Message;
        Assert.Contains(egress.Tenant, line, StringComparison.Ordinal);
        Assert.Contains("address_not_allowed", line, StringComparison.Ordinal);
        Assert.Contains("169.254.169.254", line, StringComparison.Ordinal);
        Assert.DoesNotContain("security-credentials", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Egress:Tenants:acme:Hosts:0", "https://docs.example.com", "Egress:Tenants:acme:Hosts")]
    [InlineData("Egress:Tenants:acme:Tools:crawler:Hosts:0", "docs.*.com", "Egress:Tenants:acme:Tools:crawler:Hosts")]
    [InlineData("Egress:AllowedContentTypes:0", "html", "Egress:AllowedContentTypes")]
    [InlineData("Egress:UserAgent", "bad\u0001agent", "Egress:UserAgent")]
    [InlineData("Egress:MaxRedirects", "50", "Egress:MaxRedirects")]
    public async Task A_bad_setting_stops_the_start_naming_its_key(string key, string value, string named)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => EgressHost.StartAsync(_ => new() { [key] = value }));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }
}
