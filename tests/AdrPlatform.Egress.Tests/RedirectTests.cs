using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Egress.Tests;

/// <summary>Redirects are followed by the guard, each hop checked as the first URL was.</summary>
public class RedirectTests(LoopbackSite site) : IClassFixture<LoopbackSite>
{
    public static TheoryData<int, string, EgressRefusalReason> HostileRedirects => new()
    {
        { 301, "http://169.254.169.254/latest/meta-data/", EgressRefusalReason.AddressNotAllowed },
        { 302, "http://169.254.169.254/latest/meta-data/iam/security-credentials/", EgressRefusalReason.AddressNotAllowed },
        { 307, "http://10.0.0.1/admin", EgressRefusalReason.AddressNotAllowed },
        { 308, "http://192.168.1.1/", EgressRefusalReason.AddressNotAllowed },
        { 302, "http://127.0.0.1/", EgressRefusalReason.AddressNotAllowed },
        { 303, "http://[::1]/", EgressRefusalReason.AddressNotAllowed },
        { 302, "http://localhost:6379/", EgressRefusalReason.AddressNotAllowed },
        { 301, "http://2130706433/", EgressRefusalReason.AddressNotAllowed },
        { 302, "//169.254.169.254/", EgressRefusalReason.AddressNotAllowed },
        { 302, "file:///etc/passwd", EgressRefusalReason.SchemeNotAllowed },
        { 307, "gopher://127.0.0.1:6379/_FLUSHALL", EgressRefusalReason.SchemeNotAllowed },
        { 302, "http://allowed.example@127.0.0.1/", EgressRefusalReason.UserInfoNotAllowed },
        { 302, "http://a\\@127.0.0.1/", EgressRefusalReason.MalformedUrl },
    };

    [Theory]
    [MemberData(nameof(HostileRedirects))]
    public async Task A_redirect_into_private_space_or_off_the_web_is_refused(int status, string location, EgressRefusalReason reason)
    {
        await using var egress = await EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback(tenant, site.Port));

        await egress.RefusedAsync($"{site.Origin}/redirect/{status}?to={Uri.EscapeDataString(location)}", reason);
    }

    [Fact]
    public async Task A_redirect_to_the_allowed_test_server_through_a_mapped_address_is_refused()
    {
        await using var egress = await EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback(tenant, site.Port));
        var mapped = $"http://[::ffff:127.0.0.1]:{site.Port}/ok";

        await egress.RefusedAsync($"{site.Origin}/redirect/302?to={Uri.EscapeDataString(mapped)}", EgressRefusalReason.AddressNotAllowed);
    }

    [Fact]
    public async Task A_redirect_to_a_host_off_the_allowlist_is_refused()
    {
        await using var egress = await EgressHost.StartAsync(tenant => OnlyTheSite(tenant, site));

        await egress.RefusedAsync($"{site.Origin}/redirect/302?to={Uri.EscapeDataString("http://elsewhere.example/")}", EgressRefusalReason.HostNotAllowed);
    }

    [Fact]
    public async Task Redirects_within_the_limit_are_followed_and_reported()
    {
        await using var egress = await EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback(tenant, site.Port));

        var response = await egress.FetchAsync($"{site.Origin}/chain/5");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("end of the chain", System.Text.Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(new Uri($"{site.Origin}/chain/0"), response.FinalUrl);
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(left => new Uri($"{site.Origin}/chain/{left}")), response.RedirectChain);
    }

    [Fact]
    public async Task One_redirect_past_the_limit_is_refused()
    {
        await using var egress = await EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback(tenant, site.Port));

        await egress.RefusedAsync($"{site.Origin}/chain/6", EgressRefusalReason.TooManyRedirects);
    }

    [Fact]
    public async Task A_redirect_loop_is_refused_when_it_comes_back()
    {
        await using var egress = await EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback(tenant, site.Port));
        var before = site.Requests;

        await egress.RefusedAsync($"{site.Origin}/loop/a", EgressRefusalReason.RedirectLoop);

        Assert.Equal(2, site.Requests - before);
    }

    private static Dictionary<string, string?> OnlyTheSite(string tenant, LoopbackSite site)
    {
        var settings = EgressHost.AnyHostWithLoopback(tenant, site.Port);
        settings[$"Egress:Tenants:{tenant}:Hosts:0"] = "127.0.0.1";
        return settings;
    }
}
