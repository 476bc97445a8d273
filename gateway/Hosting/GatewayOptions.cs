namespace AdrPlatform.Gateway.Hosting;

/// <summary>Bound from the "Gateway" configuration section: where the front silo listens and what one connection may hold.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Loopback port for gRPC and gRPC-Web, unless --urls says otherwise.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>Port for /metrics; the API port does not serve it.</summary>
    public int ManagementPort { get; set; } = 9464;

    /// <summary>Address the management port binds to; 0.0.0.0 lets a scraper outside the host reach it.</summary>
    public string ManagementHost { get; set; } = "127.0.0.1";

    /// <summary>How long a new cleartext connection may take to send its first bytes (the whole HTTP/2 preface, for h2c) before it is closed.</summary>
    public TimeSpan ConnectionPrefaceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public long MaxConcurrentConnections { get; set; } = 10_000;

    public long MaxConcurrentUpgradedConnections { get; set; } = 100;

    /// <summary>An idle connection (no request in flight) is closed after this long.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A request's headers must arrive within this long of its first byte.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public int Http2MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>An HTTP/2 connection quiet for this long is pinged, so a peer that vanished does not hold its streams forever.</summary>
    public TimeSpan Http2KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A ping not answered within this long closes the connection.</summary>
    public TimeSpan Http2KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public string ManagementUrl =>
        Uri.CheckHostName(ManagementHost) == UriHostNameType.IPv6 ? $"http://[{ManagementHost}]:{ManagementPort}" : $"http://{ManagementHost}:{ManagementPort}";

    public static GatewayOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<GatewayOptions>() ?? new GatewayOptions();
        options.Validate();
        return options;
    }

    public void Validate()
    {
        Require(Port is > 0 and <= 65_535, nameof(Port), "a TCP port (1-65535)");
        Require(ManagementPort is > 0 and <= 65_535 && ManagementPort != Port, nameof(ManagementPort), "a TCP port (1-65535) other than Gateway:Port");
        Require(Uri.CheckHostName(ManagementHost) is not UriHostNameType.Unknown, nameof(ManagementHost), "a host name or IP address");
        Require(MaxConcurrentConnections > 0, nameof(MaxConcurrentConnections), "positive");
        Require(MaxConcurrentUpgradedConnections > 0, nameof(MaxConcurrentUpgradedConnections), "positive");
        Require(Http2MaxStreamsPerConnection > 0, nameof(Http2MaxStreamsPerConnection), "positive");
        RequireDuration(ConnectionPrefaceTimeout, nameof(ConnectionPrefaceTimeout));
        RequireDuration(KeepAliveTimeout, nameof(KeepAliveTimeout));
        RequireDuration(RequestHeadersTimeout, nameof(RequestHeadersTimeout));
        RequireDuration(Http2KeepAlivePingDelay, nameof(Http2KeepAlivePingDelay));
        RequireDuration(Http2KeepAlivePingTimeout, nameof(Http2KeepAlivePingTimeout));
    }

    private static void RequireDuration(TimeSpan value, string name) =>
        Require(value > TimeSpan.Zero && value <= TimeSpan.FromDays(1), name, "a duration between 00:00:00.001 and 1.00:00:00");

    private static void Require(bool valid, string name, string expected)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"{Section}:{name} must be {expected}.");
        }
    }
}
