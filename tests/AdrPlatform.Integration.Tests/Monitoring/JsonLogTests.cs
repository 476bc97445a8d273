using System.Globalization;
using System.Text.Json;
using AdrPlatform.Contracts.Tenant.V1;
using AdrPlatform.Gateway.Auth;
using AdrPlatform.Integration.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace AdrPlatform.Integration.Tests.Monitoring;

/// <summary>With Logging:Format=json a host's console lines are JSON objects carrying trace, span, tenant and user.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task A_front_silo_logs_a_call_as_json_with_its_trace_span_tenant_and_user()
    {
        var keyPath = Path.Combine(Path.GetTempPath(), "adrplatform-tests", Guid.NewGuid().ToString("N"), "dev-key");
        var port = FreePort.Next();
        var siloPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        using var gateway = SiloProcess.Start("gateway", "adrplatform-gateway", new Dictionary<string, string>
        {
            ["Logging:Format"] = "json",
            // The endpoint middleware logs each call it runs, inside the request's scopes.
            ["Logging:LogLevel:Microsoft.AspNetCore.Routing"] = "Information",
            ["Gateway:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Management:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Auth:DevelopmentKeyPath"] = keyPath,
            ["Storage:Provider"] = "memory",
            ["Cluster:ClusterId"] = "test-" + Guid.NewGuid().ToString("N"),
            ["Cluster:SiloPort"] = siloPort,
            ["Cluster:PrimarySiloPort"] = siloPort,
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        var tenant = Rpc.Tenant();
        var token = DevelopmentIssuer.LoadOrCreate(keyPath).Mint(tenant, "grace", ["viewer"], "adrplatform", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var tenants = new TenantService.TenantServiceClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        await gateway.WaitUntilServingAsync(() => tenants.WhoAmIAsync(new WhoAmIRequest(), headers).ResponseAsync);

        var line = await Eventually.HoldsAsync(
            () => Task.FromResult(gateway.Output.Split('\n').FirstOrDefault(l => l.Contains("WhoAmI", StringComparison.Ordinal) && l.Contains(tenant, StringComparison.Ordinal))),
            found => found is not null,
            _ => "no log line names the call and its tenant:\n" + gateway.Output);

        using var entry = JsonDocument.Parse(line!);
        var root = entry.RootElement;
        Assert.Equal("Information", root.GetProperty("LogLevel").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("Timestamp").GetString()));
        var scopes = root.GetProperty("Scopes").EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).ToList();
        string? Scope(string name) => scopes.Select(s => s.TryGetProperty(name, out var value) ? value.GetString() : null).FirstOrDefault(v => v is not null);
        Assert.Matches("^[0-9a-f]{32}$", Scope("TraceId"));
        Assert.Matches("^[0-9a-f]{16}$", Scope("SpanId"));
        Assert.Equal(tenant, Scope("tenant"));
        Assert.Equal("grace", Scope("user"));
        Assert.DoesNotContain(token, gateway.Output, StringComparison.Ordinal);
    }
}
