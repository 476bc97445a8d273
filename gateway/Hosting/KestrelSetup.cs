using AdrPlatform.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AdrPlatform.Gateway.Hosting;

/// <summary>Kestrel for the front silo: gRPC and gRPC-Web on the API port(s), /metrics on the management port, and limits per connection.</summary>
public static class KestrelSetup
{
    public static void ConfigureGatewayKestrel(this WebApplicationBuilder builder, GatewayOptions options, ManagementOptions management)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(management);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var limits = kestrel.Limits;
            limits.MaxRequestBodySize = GatewayApp.MaxMessageBytes + (1024 * 1024);
            limits.MaxConcurrentConnections = options.MaxConcurrentConnections;
            limits.MaxConcurrentUpgradedConnections = options.MaxConcurrentUpgradedConnections;
            limits.KeepAliveTimeout = options.KeepAliveTimeout;
            limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
            limits.Http2.MaxStreamsPerConnection = options.Http2MaxStreamsPerConnection;
            limits.Http2.KeepAlivePingDelay = options.Http2KeepAlivePingDelay;
            limits.Http2.KeepAlivePingTimeout = options.Http2KeepAlivePingTimeout;
            // h2c connections are marked as negotiated "h2", so Kestrel sees their scheme as https; the :scheme they send is http.
            kestrel.AllowAlternateSchemes = true;
            kestrel.ConfigureEndpointDefaults(endpoint =>
            {
                endpoint.Protocols = HttpProtocols.Http1AndHttp2;
                endpoint.UseCleartextHttp2Detection(options.ConnectionPrefaceTimeout);
            });
        });

        var configured = builder.Configuration["urls"] is { Length: > 0 } urls ? urls : builder.Configuration["ASPNETCORE_URLS"];
        var api = string.IsNullOrEmpty(configured) ? $"http://127.0.0.1:{options.Port}" : configured;
        builder.WebHost.UseUrls([.. api.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), management.Url]);
    }
}
