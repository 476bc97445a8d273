using System.Globalization;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Gateway.Hosting;
using AdrPlatform.Ports;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AdrPlatform.TestKit;

/// <summary>The real front silo (Kestrel + Orleans) on a loopback port, with clients over gRPC and gRPC-Web.</summary>
public class GatewayHost : IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private WebApplication? _app;
    private bool _started;

    public GatewayHost()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="services">Registrations made before the platform's own; these use TryAdd, so a test's stand-in for a port wins.</param>
    protected GatewayHost(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _services = services;
        KeyPath = Path.Combine(Path.GetTempPath(), "adrplatform-tests", Guid.NewGuid().ToString("N"), "dev-key");
        _settings = new Dictionary<string, string?>(settings)
        {
            ["Auth:DevelopmentKeyPath"] = KeyPath,
            ["Cluster:ClusterId"] = "test-" + Guid.NewGuid().ToString("N"),
        };
        _settings.TryAdd("Storage:Provider", "memory");
        // The hashing test double, where meaning does not matter and the suite's time does; hosts of the search and
        // chat tests that judge what is found set the embedded default's model (onnx) instead.
        _settings.TryAdd("Embeddings:Provider", "hashing");
        var siloPort = FreePort.Next();
        _settings.TryAdd("Cluster:SiloPort", siloPort.ToString(CultureInfo.InvariantCulture));
        _settings.TryAdd("Cluster:PrimarySiloPort", siloPort.ToString(CultureInfo.InvariantCulture));
        _settings.TryAdd("Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        _settings.TryAdd("Management:Port", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        ManagementAddress = new Uri("http://127.0.0.1:" + _settings["Management:Port"]);
    }

    /// <summary>A host configured as the constructor with these arguments would; a fixture may have only one public constructor.</summary>
    public static GatewayHost With(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null) => new(settings, services);

    public string KeyPath { get; }

    public Uri Address { get; private set; } = null!;

    /// <summary>Where /metrics is served: not on <see cref="Address"/>.</summary>
    public Uri ManagementAddress { get; }

    public IServiceProvider Services => _app!.Services;

    /// <summary>What the host logged, at the configured levels (Warning and above unless the settings say otherwise).</summary>
    public CapturedLogs Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _app = GatewayApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(_settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddProvider(Logs);
            _services?.Invoke(builder.Services);
        });
        await _app.StartAsync();
        _started = true;
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = addresses.Select(address => new Uri(address)).First(address => address.Port != ManagementAddress.Port);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            // A host whose start was refused (a bad setting) has nothing to stop.
            if (_started)
            {
                await _app.StopAsync();
            }

            await _app.DisposeAsync();
        }
    }

    /// <summary>The tenant's settled answers this month and last, as the usage ledger recorded them.</summary>
    public Task<IReadOnlyList<UsageEntry>> UsageLedgerAsync(string tenant) =>
        Services.GetRequiredService<IUsageLedger>().ListAsync(tenant, DateTimeOffset.UtcNow.AddDays(-32), DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);

    public string Token(string tenant, string user, params string[] roles) =>
        DevelopmentIssuer.LoadOrCreate(KeyPath).Mint(tenant, user, roles, "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    /// <summary>A channel speaking native gRPC (HTTP/2 without TLS) or gRPC-Web (HTTP/1.1).</summary>
    public GrpcChannel Channel(Transport transport) => transport switch
    {
        Transport.Grpc => GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 }),
        Transport.GrpcWeb => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            // Like a browser that aborts a fetch: a cancelled response closes the connection instead of draining it.
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, new SocketsHttpHandler { MaxResponseDrainSize = 0 }),
            HttpVersion = new Version(1, 1),
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(transport)),
    };
}
