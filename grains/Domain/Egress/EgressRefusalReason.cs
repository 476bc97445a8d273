namespace AdrPlatform.Domain.Egress;

/// <summary>Why the egress guard did not fetch a URL, or stopped fetching it.</summary>
public enum EgressRefusalReason
{
    /// <summary>Not an absolute URL, or one with characters parsers disagree on (backslashes, spaces, controls).</summary>
    MalformedUrl,

    /// <summary>Not https (or http where the tenant allows it): file, ftp, gopher, data, …</summary>
    SchemeNotAllowed,

    /// <summary>The URL carries a user name or password (<c>http://allowed.example@127.0.0.1/</c>).</summary>
    UserInfoNotAllowed,

    /// <summary>The host is not on the tenant's (and the tool's) allowlist.</summary>
    HostNotAllowed,

    /// <summary>The host name does not resolve.</summary>
    HostNotFound,

    /// <summary>The host is, or resolves to, an address outside the public internet (loopback, private, link-local, …).</summary>
    AddressNotAllowed,

    /// <summary>A redirect leads back to a URL already visited.</summary>
    RedirectLoop,

    /// <summary>More redirects than the limit.</summary>
    TooManyRedirects,

    /// <summary>The response's media type is not on the configured list.</summary>
    ContentTypeNotAllowed,

    /// <summary>The response is larger than the limit.</summary>
    ResponseTooLarge,

    /// <summary>Connecting, or the whole fetch, took longer than its limit.</summary>
    TimedOut,

    /// <summary>The checked address could not be reached or spoke no HTTP.</summary>
    Unreachable,
}
