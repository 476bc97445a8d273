using AdrPlatform.Gateway.Auth;
using AdrPlatform.Gateway.Services;
using AdrPlatform.Gateway.Services.Malformed;
using AdrPlatform.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AdrPlatform.Gateway.Hosting;

/// <summary>The front silo's composition root: Kestrel (gRPC and gRPC-Web on one port, metrics on another), auth, and an Orleans silo.</summary>
public static partial class GatewayApp
{
    public const int MaxMessageBytes = 32 * 1024 * 1024;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings are read from beside the executable, so the front silo is configured the same wherever it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        var gateway = GatewayOptions.From(builder.Configuration);
        var management = builder.AddPlatformServiceDefaults();
        gateway.RequireDistinctFrom(management);
        builder.ConfigureGatewayKestrel(gateway, management);
        builder.UseOrleans(silo => silo.AddAdrPlatform(builder.Configuration));
        builder.Services.AddPlatformAuthentication(builder.Configuration);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageBytes;
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<RpcMetricsInterceptor>();
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
        });
        builder.AddMalformedRequestRefusals();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();

        var app = builder.Build();
        app.UseManagementEndpoints(management);
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.UseRequestFrameGuard(MaxMessageBytes);
        app.UseAuthentication();
        app.UseCallerLogScope();
        app.UseAuthorization();
        app.MapGrpcService<AdrGrpcService>().RequireAuthorization();
        app.MapGrpcService<TenantGrpcService>().RequireAuthorization();
        app.MapGrpcService<SearchGrpcService>().RequireAuthorization();
        app.MapGrpcService<ChatGrpcService>().RequireAuthorization();
        app.MapGrpcService<JobGrpcService>().RequireAuthorization();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ManagementEndpoints.ReadinessTag) });
        app.Lifetime.ApplicationStarted.Register(() => AnnounceStart(app, management));
        return app;
    }

    private static void AnnounceStart(WebApplication app, ManagementOptions management)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AdrPlatform.Gateway");
        LogListening(logger, string.Join(", ", app.Urls.Where(url => url != management.Url)), management.Url);
        if (app.Services.GetService<DevelopmentIssuer>() is { } issuer)
        {
            LogDevelopmentIssuer(logger, issuer.KeyPath);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AdrPlatform front silo listening on {Urls}: gRPC (HTTP/2 prior knowledge, detected per connection, so Kestrel's HTTP/1.1-only warning above does not apply) and gRPC-Web on the same port; reflection and health are on; metrics on {ManagementUrl}/metrics")]
    private static partial void LogListening(ILogger logger, string urls, string managementUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth: DEVELOPMENT issuer - tokens are signed with the local key {KeyPath}. Mint one with: dotnet run --project gateway -- token --tenant acme --user alice --role editor. Configure Auth:Authority for a real OIDC issuer.")]
    private static partial void LogDevelopmentIssuer(ILogger logger, string keyPath);
}
