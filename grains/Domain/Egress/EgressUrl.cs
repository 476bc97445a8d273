namespace AdrPlatform.Domain.Egress;

/// <summary>
/// A URL the egress guard may send a request to: absolute, http or https, no user info, its host normalised (IDNA
/// mapped to ASCII, so fullwidth digits and circled letters become what a resolver sees; lower case; one trailing dot
/// and an IPv6 zone removed) and its fragment dropped. Numeric IPv4 forms (decimal, octal, hex, short) come out
/// dotted-quad, as <see cref="Uri"/> reads them.
/// </summary>
public sealed record EgressUrl
{
    public const int MaxLength = 8_192;

    private static readonly System.Buffers.SearchValues<char> SchemeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

    private EgressUrl(string scheme, string host, int port, Uri address)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
        Address = address;
    }

    public string Scheme { get; }

    /// <summary>The normalised host, without brackets for IPv6: what allowlists match and the resolver is asked.</summary>
    public string Host { get; }

    public int Port { get; }

    /// <summary>The URL the request goes to, built from the normalised parts.</summary>
    public Uri Address { get; }

    /// <summary>Reads <paramref name="raw"/> (relative to <paramref name="relativeTo"/> when given: a redirect's Location) or throws <see cref="EgressRefusedException"/>.</summary>
    public static EgressUrl Parse(string raw, Uri? relativeTo = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Length is 0 or > MaxLength)
        {
            throw Malformed($"the URL is empty or longer than {MaxLength} characters");
        }

        // Parsers disagree on these (WHATWG reads '\' as '/', others as part of the user info), so none is accepted.
        if (raw.Any(c => c <= ' ' || c == '\u007F' || c == '\\'))
        {
            throw Malformed("the URL contains a backslash, a space or a control character");
        }

        // On Unix, Uri reads "/path" and "//host/path" as file URLs: an absolute URL must name its scheme.
        if (relativeTo is null && !StartsWithScheme(raw))
        {
            throw Malformed("not an absolute URL");
        }

        var parsed = relativeTo is null ? Uri.TryCreate(raw, UriKind.Absolute, out var uri) : Uri.TryCreate(relativeTo, raw, out uri);
        if (!parsed || uri is null || !uri.IsAbsoluteUri)
        {
            throw Malformed("not an absolute URL");
        }

        var scheme = uri.Scheme;
        if (scheme != Uri.UriSchemeHttps && scheme != Uri.UriSchemeHttp)
        {
            throw new EgressRefusedException(EgressRefusalReason.SchemeNotAllowed, "-", $"the scheme {scheme} is not allowed");
        }

        var host = NormaliseHost(uri) ?? throw Malformed("the host is not a valid name or address");
        if (uri.UserInfo.Length > 0)
        {
            throw new EgressRefusedException(EgressRefusalReason.UserInfoNotAllowed, host, "a URL with a user name or password is not allowed");
        }

        if (uri.Port is <= 0 or > 65_535)
        {
            throw new EgressRefusedException(EgressRefusalReason.MalformedUrl, host, $"the port {uri.Port} is not valid");
        }

        var authority = uri.HostNameType == UriHostNameType.IPv6 ? $"[{host}]" : host;
        var address = new Uri($"{scheme}://{authority}:{uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}{uri.PathAndQuery}");
        return new EgressUrl(scheme, host, uri.Port, address);
    }

    /// <summary>The host as allowlists and resolvers see it, or null when it is not one.</summary>
    internal static string? NormaliseHost(Uri uri)
    {
        string host;
        try
        {
            host = uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return null;
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        var zone = host.IndexOf('%', StringComparison.Ordinal);
        host = (zone >= 0 ? host[..zone] : host).ToLowerInvariant();
        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        return host.Length == 0 || host.EndsWith('.') || host.StartsWith('.') || host.Contains("..", StringComparison.Ordinal) || host.Any(c => c > '\u007E' || c <= ' ')
            ? null
            : host;
    }

    private static bool StartsWithScheme(string raw)
    {
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(raw[0])
            && raw.AsSpan(0, colon).IndexOfAnyExcept(SchemeChars) < 0;
    }

    private static EgressRefusedException Malformed(string message) => new(EgressRefusalReason.MalformedUrl, "-", message);
}
