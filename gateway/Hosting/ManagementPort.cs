namespace AdrPlatform.Gateway.Hosting;

public static class ManagementPort
{
    /// <summary>
    /// Requests on the management port get /metrics (every tenant's usage) and nothing else; requests on the
    /// API ports never reach it. Decided by the port the connection came in on, never by the Host header a client sends.
    /// </summary>
    public static void UseManagementPort(this IApplicationBuilder app, GatewayOptions gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        app.MapWhen(context => context.Connection.LocalPort == gateway.ManagementPort, management =>
        {
            management.UseOpenTelemetryPrometheusScrapingEndpoint("/metrics");
            management.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }
}
