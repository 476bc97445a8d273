namespace AdrPlatform.Domain.Egress;

/// <summary>
/// Hosts a fetch may go to. A pattern is a host (<c>docs.example.com</c>, <c>127.0.0.1</c>), <c>*.example.com</c>
/// (any name below example.com, not example.com itself) or <c>*</c> (any host; its addresses are still checked).
/// Patterns are normalised as URLs' hosts are, so <c>Bücher.example.</c> matches <c>xn--bcher-kva.example</c>.
/// </summary>
public sealed class HostAllowlist
{
    public static readonly HostAllowlist Nothing = new([]);

    private readonly bool _any;
    private readonly HashSet<string> _hosts = new(StringComparer.Ordinal);
    private readonly List<string> _suffixes = [];

    public HostAllowlist(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var pattern in patterns)
        {
            if (pattern == "*")
            {
                _any = true;
            }
            else if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                _suffixes.Add("." + (Normalise(pattern[2..]) ?? throw Invalid(pattern)));
            }
            else
            {
                _hosts.Add(Normalise(pattern) ?? throw Invalid(pattern));
            }
        }
    }

    /// <summary>Why <paramref name="pattern"/> is not a host pattern, or null when it is one.</summary>
    public static string? Problem(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return pattern == "*" || Normalise(host) is not null
            ? null
            : $"'{pattern}' is not a host, '*.' and a domain, or '*'";
    }

    /// <summary>Whether <paramref name="host"/>, normalised as <see cref="EgressUrl.Host"/>, is allowed.</summary>
    public bool Allows(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return _any || _hosts.Contains(host) || _suffixes.Exists(suffix => host.EndsWith(suffix, StringComparison.Ordinal));
    }

    private static string? Normalise(string host)
    {
        if (host.Length == 0 || host.Any(c => c is '/' or '\\' or '@' or '?' or '#' or '*' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return Uri.TryCreate($"https://{authority}/", UriKind.Absolute, out var uri) && uri.IsDefaultPort
            ? EgressUrl.NormaliseHost(uri)
            : null;
    }

    private static ArgumentException Invalid(string pattern) => new(Problem(pattern), nameof(pattern));
}
