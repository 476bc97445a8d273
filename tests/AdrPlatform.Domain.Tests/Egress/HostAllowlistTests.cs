using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Domain.Tests.Egress;

public class HostAllowlistTests
{
    private static readonly HostAllowlist Docs = new(["docs.example.com", "*.wiki.example", "B\u00FCcher.example.", "127.0.0.1"]);

    [Theory]
    [InlineData("docs.example.com", true)]
    [InlineData("example.com", false)]
    [InlineData("evil-docs.example.com", false)]
    [InlineData("a.wiki.example", true)]
    [InlineData("a.b.wiki.example", true)]
    [InlineData("wiki.example", false)]
    [InlineData("evilwiki.example", false)]
    [InlineData("xn--bcher-kva.example", true)]
    [InlineData("127.0.0.1", true)]
    public void Hosts_match_exactly_or_below_a_wildcard(string host, bool allowed) => Assert.Equal(allowed, Docs.Allows(host));

    [Fact]
    public void A_star_allows_any_host_and_nothing_allows_none()
    {
        Assert.True(new HostAllowlist(["*"]).Allows("anything.example"));
        Assert.False(HostAllowlist.Nothing.Allows("docs.example.com"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://docs.example.com")]
    [InlineData("docs.example.com/path")]
    [InlineData("user@docs.example.com")]
    [InlineData("docs.*.example")]
    [InlineData("docs.example.com:8080")]
    [InlineData("two words")]
    public void What_is_not_a_host_pattern_is_named_and_refused(string pattern)
    {
        Assert.NotNull(HostAllowlist.Problem(pattern));
        Assert.Throws<ArgumentException>(() => new HostAllowlist([pattern]));
    }

    [Fact]
    public void A_policy_needs_the_tenant_s_and_the_tool_s_list_and_https_unless_http_is_allowed()
    {
        var policy = new EgressPolicy(AllowHttp: false, new HostAllowlist(["*.example.com"]), new HostAllowlist(["docs.example.com"]));

        Assert.Equal("docs.example.com", policy.Admit("https://docs.example.com/x").Host);
        Assert.Equal(EgressRefusalReason.HostNotAllowed, Assert.Throws<EgressRefusedException>(() => policy.Admit("https://blog.example.com/")).Reason);
        Assert.Equal(EgressRefusalReason.SchemeNotAllowed, Assert.Throws<EgressRefusedException>(() => policy.Admit("http://docs.example.com/")).Reason);
    }
}
