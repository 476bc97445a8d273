using System.Text;
using AdrPlatform.Domain.Egress;
using Xunit.Abstractions;

namespace AdrPlatform.Egress.Tests;

/// <summary>
/// The SSRF corpus: URLs that reach, or try to reach, the silo's own network. The tenant may fetch any host over http
/// or https and no loopback allowance is open, as in production; every entry must be refused, with its reason, and
/// counted. The report lists each entry's outcome.
/// </summary>
public class SsrfCorpusTests(ITestOutputHelper output)
{
    public static readonly IReadOnlyList<(string Url, EgressRefusalReason Reason)> Corpus =
    [
        ("http://127.0.0.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://2130706433/", EgressRefusalReason.AddressNotAllowed),
        ("http://0177.0.0.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://0x7f.0.0.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://0x7f000001/", EgressRefusalReason.AddressNotAllowed),
        ("http://127.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://0/", EgressRefusalReason.AddressNotAllowed),
        ("http://0.0.0.0:5080/", EgressRefusalReason.AddressNotAllowed),
        ("http://[::]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[::1]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[0:0:0:0:0:0:0:1]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[::ffff:127.0.0.1]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[::ffff:7f00:1]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[::127.0.0.1]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[::ffff:169.254.169.254]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[64:ff9b::a9fe:a9fe]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[2002:7f00:1::]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[fe80::1%25eth0]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[fe80::1]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[fc00::1]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[fd00:ec2::254]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[fec0::1]/", EgressRefusalReason.AddressNotAllowed),
        ("http://[ff02::1]/", EgressRefusalReason.AddressNotAllowed),
        ("http://169.254.169.254/latest/meta-data/", EgressRefusalReason.AddressNotAllowed),
        ("http://169.254.169.254/computeMetadata/v1/", EgressRefusalReason.AddressNotAllowed),
        ("http://2852039166/latest/meta-data/", EgressRefusalReason.AddressNotAllowed),
        ("http://0xa9.0xfe.0xa9.0xfe/", EgressRefusalReason.AddressNotAllowed),
        ("http://10.0.0.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://172.16.0.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://192.168.0.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://100.64.0.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://224.0.0.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://255.255.255.255/", EgressRefusalReason.AddressNotAllowed),
        ("http://240.0.0.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://192.0.2.1/", EgressRefusalReason.AddressNotAllowed),
        ("http://localhost/", EgressRefusalReason.AddressNotAllowed),
        ("http://localhost./", EgressRefusalReason.AddressNotAllowed),
        ("http://LOCALHOST/", EgressRefusalReason.AddressNotAllowed),
        ("http://127.0.0.1./", EgressRefusalReason.AddressNotAllowed),
        // Not IDNA-mapped to localhost and 127.0.0.1 (invariant globalization): punycode names that resolve nowhere.
        ("http://\u24DB\u24DE\u24D2\u24D0\u24DB\u24D7\u24DE\u24E2\u24E3/", EgressRefusalReason.HostNotFound),
        ("http://\uFF11\uFF12\uFF17.\uFF10.\uFF10.\uFF11/", EgressRefusalReason.HostNotFound),
        ("http://xn--lcalhost-9hb/", EgressRefusalReason.HostNotFound),
        ("http://127.0.0.1#@allowed.example", EgressRefusalReason.AddressNotAllowed),
        ("http://127.0.0.1:80#@allowed.example/", EgressRefusalReason.AddressNotAllowed),
        ("HTTP://127.0.0.1/", EgressRefusalReason.AddressNotAllowed),
        ("hTtPs://[::1]/", EgressRefusalReason.AddressNotAllowed),
        ("http://allowed.example@127.0.0.1/", EgressRefusalReason.UserInfoNotAllowed),
        ("http://allowed.example:pass@169.254.169.254/", EgressRefusalReason.UserInfoNotAllowed),
        ("http://127.0.0.1:80@allowed.example/", EgressRefusalReason.UserInfoNotAllowed),
        ("http://%61llowed.example@127.0.0.1/", EgressRefusalReason.UserInfoNotAllowed),
        ("http://allowed.example\\@127.0.0.1/", EgressRefusalReason.MalformedUrl),
        ("http:\\\\127.0.0.1\\", EgressRefusalReason.MalformedUrl),
        ("http://127.0.0.1\\@allowed.example/", EgressRefusalReason.MalformedUrl),
        ("http://127.0.0.1 /", EgressRefusalReason.MalformedUrl),
        ("http://127.0.0.1/\r\nX-Injected: 1", EgressRefusalReason.MalformedUrl),
        ("//127.0.0.1/", EgressRefusalReason.MalformedUrl),
        ("file:///etc/passwd", EgressRefusalReason.SchemeNotAllowed),
        ("FILE:///etc/passwd", EgressRefusalReason.SchemeNotAllowed),
        ("file://localhost/etc/passwd", EgressRefusalReason.SchemeNotAllowed),
        ("gopher://127.0.0.1:6379/_INFO", EgressRefusalReason.SchemeNotAllowed),
        ("ftp://127.0.0.1/", EgressRefusalReason.SchemeNotAllowed),
        ("data:text/plain;base64,aGVsbG8=", EgressRefusalReason.SchemeNotAllowed),
        ("dict://127.0.0.1:11211/stats", EgressRefusalReason.SchemeNotAllowed),
        ("ldap://127.0.0.1/", EgressRefusalReason.SchemeNotAllowed),
        ("jar:http://127.0.0.1!/", EgressRefusalReason.SchemeNotAllowed),
    ];

    [Fact]
    public async Task Every_ssrf_trick_in_the_corpus_is_refused_with_its_reason_and_counted()
    {
        await using var egress = await EgressHost.StartAsync(EgressHost.AnyHost);
        var report = new StringBuilder("| URL | Expected | Outcome |\n|---|---|---|\n");
        var refusedAsExpected = 0;
        foreach (var (url, reason) in Corpus)
        {
            var before = egress.Refusals.Count(reason);
            string outcome;
            try
            {
                var response = await egress.FetchAsync(url);
                outcome = $"FETCHED ({response.StatusCode})";
            }
            catch (EgressRefusedException refused)
            {
                var counted = egress.Refusals.Count(reason) == before + 1;
                outcome = refused.Reason == reason && counted ? $"refused: {refused.Message}" : $"WRONG: {refused.Reason}, counted {counted}";
                refusedAsExpected += refused.Reason == reason && counted ? 1 : 0;
            }

            report.Append(System.Globalization.CultureInfo.InvariantCulture, $"| `{Escape(url)}` | {reason} | {outcome} |\n");
        }

        report.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n{refusedAsExpected} of {Corpus.Count} refused with the expected reason and counted.");
        output.WriteLine(report.ToString());
        Assert.True(refusedAsExpected == Corpus.Count, report.ToString());
    }

    private static string Escape(string url) => url.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
