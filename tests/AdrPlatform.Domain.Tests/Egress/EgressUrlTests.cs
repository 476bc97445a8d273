using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Domain.Tests.Egress;

public class EgressUrlTests
{
    [Theory]
    [InlineData("http://2130706433/", "127.0.0.1")]
    [InlineData("http://0177.0.0.1/", "127.0.0.1")]
    [InlineData("http://0x7f.0.0.1/", "127.0.0.1")]
    [InlineData("http://0x7f000001/", "127.0.0.1")]
    [InlineData("http://127.1/", "127.0.0.1")]
    [InlineData("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1")]
    [InlineData("http://[fe80::1%25eth0]/", "fe80::1")]
    // The platform runs with invariant globalization: no IDNA compatibility mapping, so fullwidth digits and circled
    // letters stay what they are, names in punycode, never 127.0.0.1 or localhost.
    [InlineData("http://\uFF11\uFF12\uFF17.\uFF10.\uFF10.\uFF11/", "xn--8g7ccp.xn--7g7c.xn--7g7c.xn--8g7c")]
    [InlineData("http://\u24DB\u24DE\u24D2\u24D0\u24DB\u24D7\u24DE\u24E2\u24E3/", "xn--vuhdqncpe6aj")]
    [InlineData("http://LOCALHOST./", "localhost")]
    [InlineData("HTTPS://Docs.Example.COM./a", "docs.example.com")]
    [InlineData("https://b\u00FCcher.example/", "xn--bcher-kva.example")]
    [InlineData("http://127.0.0.1#@allowed.example", "127.0.0.1")]
    public void Hosts_come_out_as_a_resolver_sees_them(string raw, string host) => Assert.Equal(host, EgressUrl.Parse(raw).Host);

    [Fact]
    public void The_request_url_drops_the_fragment_and_keeps_path_and_query()
    {
        var url = EgressUrl.Parse("HTTPS://Example.COM.:8443/a/b?q=1#frag");
        Assert.Equal(new Uri("https://example.com:8443/a/b?q=1"), url.Address);
        Assert.Equal("https", url.Scheme);
        Assert.Equal(8443, url.Port);
    }

    [Theory]
    [InlineData("file:///etc/passwd", EgressRefusalReason.SchemeNotAllowed)]
    [InlineData("FILE:///etc/passwd", EgressRefusalReason.SchemeNotAllowed)]
    [InlineData("gopher://127.0.0.1:70/_stats", EgressRefusalReason.SchemeNotAllowed)]
    [InlineData("ftp://example.com/x", EgressRefusalReason.SchemeNotAllowed)]
    [InlineData("data:text/plain,hello", EgressRefusalReason.SchemeNotAllowed)]
    [InlineData("http://allowed.example@127.0.0.1/", EgressRefusalReason.UserInfoNotAllowed)]
    [InlineData("http://user:pass@example.com/", EgressRefusalReason.UserInfoNotAllowed)]
    [InlineData("http://allowed.example\\@127.0.0.1/", EgressRefusalReason.MalformedUrl)]
    [InlineData("http:\\\\127.0.0.1/", EgressRefusalReason.MalformedUrl)]
    [InlineData("http://exa mple.com/", EgressRefusalReason.MalformedUrl)]
    [InlineData("http://example.com/\r\nHost: evil", EgressRefusalReason.MalformedUrl)]
    [InlineData("/relative/only", EgressRefusalReason.MalformedUrl)]
    [InlineData("", EgressRefusalReason.MalformedUrl)]
    [InlineData("http://example..com/", EgressRefusalReason.MalformedUrl)]
    public void Urls_parsers_disagree_on_or_that_are_not_web_are_refused(string raw, EgressRefusalReason reason) =>
        Assert.Equal(reason, Assert.Throws<EgressRefusedException>(() => EgressUrl.Parse(raw)).Reason);

    [Fact]
    public void A_redirect_location_is_read_relative_to_the_url_that_sent_it() =>
        Assert.Equal(new Uri("https://example.com:443/next?x=1"), EgressUrl.Parse("/next?x=1", new Uri("https://example.com/a/b")).Address);
}
