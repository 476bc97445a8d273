using AdrPlatform.Domain.Egress;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Egress.Tests;

/// <summary>
/// Tests reach their loopback servers only through <c>Egress:UnsafeAllowLoopbackForTests</c>: off by default, refused at
/// start outside the Development and Testing environments, and open only to the ports it lists.
/// </summary>
public class LoopbackAllowanceTests(LoopbackSite site) : IClassFixture<LoopbackSite>
{
    [Fact]
    public async Task The_test_server_is_refused_without_the_allowance_and_reached_with_it()
    {
        await using (var guarded = await EgressHost.StartAsync(EgressHost.AnyHost))
        {
            var before = site.Requests;
            await guarded.RefusedAsync($"{site.Origin}/ok", EgressRefusalReason.AddressNotAllowed);
            Assert.Equal(before, site.Requests);
        }

        await using var allowed = await EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback(tenant, site.Port));
        Assert.Equal(200, (await allowed.FetchAsync($"{site.Origin}/ok")).StatusCode);
    }

    [Fact]
    public async Task The_allowance_opens_only_its_ports_and_only_plain_loopback()
    {
        await using var egress = await EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback(tenant, site.Port + 1 == 65_536 ? 1 : site.Port + 1));

        await egress.RefusedAsync($"{site.Origin}/ok", EgressRefusalReason.AddressNotAllowed);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task The_allowance_stops_a_host_outside_development_and_testing_from_starting(string environment)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback(tenant, site.Port), environment: environment));

        Assert.Contains($"Egress:UnsafeAllowLoopbackForTests is for tests only", refused.Message, StringComparison.Ordinal);
        Assert.Contains(environment, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_allowance_starts_in_development()
    {
        await using var egress = await EgressHost.StartAsync(tenant => EgressHost.AnyHostWithLoopback(tenant, site.Port), environment: "Development");

        Assert.Equal(200, (await egress.FetchAsync($"{site.Origin}/ok")).StatusCode);
    }

    [Fact]
    public async Task The_allowance_needs_its_ports_and_ports_need_the_allowance()
    {
        var withoutPorts = await Assert.ThrowsAsync<OptionsValidationException>(() => EgressHost.StartAsync(tenant =>
        {
            var settings = EgressHost.AnyHost(tenant);
            settings["Egress:UnsafeAllowLoopbackForTests"] = "true";
            return settings;
        }));
        Assert.Contains("Egress:UnsafeLoopbackTestPorts must list", withoutPorts.Message, StringComparison.Ordinal);

        var withoutFlag = await Assert.ThrowsAsync<OptionsValidationException>(() => EgressHost.StartAsync(tenant =>
        {
            var settings = EgressHost.AnyHost(tenant);
            settings["Egress:UnsafeLoopbackTestPorts:0"] = "8080";
            return settings;
        }));
        Assert.Contains("Egress:UnsafeLoopbackTestPorts opens nothing", withoutFlag.Message, StringComparison.Ordinal);
    }
}
