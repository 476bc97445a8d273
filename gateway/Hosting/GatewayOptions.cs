using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using AdrPlatform.Hosting;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Gateway.Hosting;

/// <summary>Where the front silo listens and what one connection may hold.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";
    private const string OneMillisecond = "00:00:00.001";
    private const string OneDay = "1.00:00:00";

    [Description("Loopback port for gRPC + gRPC-Web (or pass `--urls http://0.0.0.0:5080`)")]
    [Range(1, 65_535)]
    public int Port { get; set; } = 5080;

    [Description("A new connection that has not sent its first bytes (the whole HTTP/2 preface, for HTTP/2) by then is closed")]
    [Range(typeof(TimeSpan), OneMillisecond, OneDay)]
    public TimeSpan ConnectionPrefaceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Description("Open connections the port accepts")]
    [Range(1, long.MaxValue)]
    public long MaxConcurrentConnections { get; set; } = 10_000;

    [Description("Open upgraded connections (the API uses none)")]
    [Range(1, long.MaxValue)]
    public long MaxConcurrentUpgradedConnections { get; set; } = 100;

    [Description("A connection without a request in flight is closed after this long")]
    [Range(typeof(TimeSpan), OneMillisecond, OneDay)]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromMinutes(2);

    [Description("A request's headers must arrive within this long of its first byte")]
    [Range(typeof(TimeSpan), OneMillisecond, OneDay)]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(15);

    [Description("Concurrent calls per HTTP/2 connection")]
    [Range(1, int.MaxValue)]
    public int Http2MaxStreamsPerConnection { get; set; } = 100;

    [Description("An HTTP/2 connection quiet for this long is pinged, so a peer that vanished does not hold its streams")]
    [Range(typeof(TimeSpan), OneMillisecond, OneDay)]
    public TimeSpan Http2KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Description("A ping not answered within this long closes the connection")]
    [Range(typeof(TimeSpan), OneMillisecond, OneDay)]
    public TimeSpan Http2KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public static GatewayOptions From(IConfiguration configuration) => configuration.GetValidated<GatewayOptions>(Section);

    /// <summary>The API and management ports are told apart by number, so they must differ.</summary>
    /// <exception cref="OptionsValidationException">They are the same.</exception>
    public void RequireDistinctFrom(ManagementOptions management)
    {
        ArgumentNullException.ThrowIfNull(management);
        if (management.Port == Port)
        {
            throw new OptionsValidationException(
                ManagementOptions.Section, typeof(ManagementOptions), [$"{ManagementOptions.Section}:{nameof(ManagementOptions.Port)} must differ from {Section}:{nameof(Port)} ({Port})"]);
        }
    }
}
