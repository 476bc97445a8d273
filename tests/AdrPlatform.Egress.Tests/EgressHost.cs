using System.Globalization;
using AdrPlatform.Adapters.Egress;
using AdrPlatform.Domain.Egress;
using AdrPlatform.Hosting;
using AdrPlatform.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdrPlatform.Egress.Tests;

/// <summary>
/// The egress guard as a worker silo composes it (<see cref="EgressServicesExtensions.AddEgress"/>, settings checked at
/// start), in a host of the Testing environment, for one tenant of its own whose refusals <see cref="Refusals"/> counts.
/// </summary>
public sealed class EgressHost : IAsyncDisposable
{
    public const string Tool = "test-fetch";

    private readonly IHost _host;

    private EgressHost(IHost host, string tenant, CapturedLogs logs)
    {
        _host = host;
        Tenant = tenant;
        Logs = logs;
        Client = host.Services.GetRequiredService<IEgressClient>();
        Refusals = new RefusalMeter(tenant);
    }

    public string Tenant { get; }

    public IEgressClient Client { get; }

    public RefusalMeter Refusals { get; }

    /// <summary>What the guard logged.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>Settings for a tenant that may reach any host over http or https; no loopback.</summary>
    public static Dictionary<string, string?> AnyHost(string tenant) => new()
    {
        [$"Egress:Tenants:{tenant}:AllowHttp"] = "true",
        [$"Egress:Tenants:{tenant}:Hosts:0"] = "*",
    };

    /// <summary>As <see cref="AnyHost"/>, with the test allowance open for the loopback <paramref name="port"/> only.</summary>
    public static Dictionary<string, string?> AnyHostWithLoopback(string tenant, int port)
    {
        var settings = AnyHost(tenant);
        settings["Egress:UnsafeAllowLoopbackForTests"] = "true";
        settings["Egress:UnsafeLoopbackTestPorts:0"] = port.ToString(CultureInfo.InvariantCulture);
        return settings;
    }

    public static string NewTenant() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Starts the guard; <paramref name="settings"/> builds on <paramref name="tenant"/>, a fresh one by default.</summary>
    public static async Task<EgressHost> StartAsync(
        Func<string, Dictionary<string, string?>> settings, IEgressResolver? resolver = null, string environment = "Testing", string? tenant = null)
    {
        tenant ??= NewTenant();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings(tenant));
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        if (resolver is not null)
        {
            builder.Services.AddSingleton(resolver);
        }

        builder.Services.AddEgress(builder.Configuration);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new EgressHost(host, tenant, logs);
    }

    public Task<EgressResponse> FetchAsync(string url, long? maxResponseBytes = null) =>
        Client.FetchAsync(new EgressRequest(Tenant, Tool, url) { MaxResponseBytes = maxResponseBytes }, CancellationToken.None);

    /// <summary>Fetches <paramref name="url"/>, expects the refusal <paramref name="reason"/> and its count in the metric.</summary>
    public async Task<EgressRefusedException> RefusedAsync(string url, EgressRefusalReason reason, long? maxResponseBytes = null)
    {
        var before = Refusals.Count(reason);
        var refused = await Assert.ThrowsAsync<EgressRefusedException>(() => FetchAsync(url, maxResponseBytes));
        Assert.True(reason == refused.Reason, $"{url}: expected {reason}, refused with {refused.Reason} ({refused.Message})");
        Assert.Equal(before + 1, Refusals.Count(reason));
        return refused;
    }

    public async ValueTask DisposeAsync()
    {
        Refusals.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }
}
