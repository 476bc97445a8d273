using AdrPlatform.Domain.Egress;

namespace AdrPlatform.Egress.Tests;

/// <summary>
/// DNS answers are checked, all of them, and the connection goes to the address that was checked: a name is resolved
/// once per connection, so a resolver that changes its answer between check and connect (rebinding) cannot steer it.
/// </summary>
public class RebindingTests(LoopbackSite site) : IClassFixture<LoopbackSite>
{
    private const string Public = "93.184.216.34";

    [Fact]
    public async Task A_resolver_that_answers_public_then_private_never_gets_the_private_answer_used()
    {
        // The private answer is the test site, open to the guard: a guard that resolved again after its check would reach it.
        var resolver = new ScriptedResolver([Public], ["127.0.0.1"]);
        await using var egress = await EgressHost.StartAsync(tenant => Settings(tenant, "00:00:01"), resolver);
        var before = site.Requests;

        var refused = await Assert.ThrowsAsync<EgressRefusedException>(() => egress.FetchAsync($"http://rebind.example:{site.Port}/ok"));

        // Only the public address was tried; whether it is unreachable or silent depends on this machine's network.
        Assert.Contains(refused.Reason, new[] { EgressRefusalReason.Unreachable, EgressRefusalReason.TimedOut });
        Assert.Equal(1, egress.Refusals.Count(refused.Reason));
        Assert.Equal(1, resolver.Asked);
        Assert.Equal(before, site.Requests);
    }

    [Fact]
    public async Task Every_new_connection_checks_a_fresh_answer_and_connects_to_it()
    {
        var resolver = new ScriptedResolver(["127.0.0.1"], ["169.254.169.254"]);
        await using var egress = await EgressHost.StartAsync(tenant => Settings(tenant, "00:00:05"), resolver);

        var first = await egress.FetchAsync($"http://rebind.example:{site.Port}/close");
        Assert.Equal(200, first.StatusCode);
        Assert.Equal(1, resolver.Asked);

        // The site closed that connection, so the next fetch resolves again, and this answer is the metadata service.
        var refused = await egress.RefusedAsync($"http://rebind.example:{site.Port}/ok", EgressRefusalReason.AddressNotAllowed);
        Assert.Contains("169.254.169.254", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, resolver.Asked);
    }

    [Fact]
    public async Task An_answer_mixing_public_and_private_addresses_is_refused_whole()
    {
        var resolver = new ScriptedResolver([Public, "10.0.0.5", "2606:2800:220:1:248:1893:25c8:1946"]);
        await using var egress = await EgressHost.StartAsync(tenant => Settings(tenant, "00:00:05"), resolver);

        await egress.RefusedAsync("https://mixed.example/", EgressRefusalReason.AddressNotAllowed);
    }

    [Fact]
    public async Task A_name_that_resolves_to_nothing_is_not_found()
    {
        var resolver = new ScriptedResolver(Array.Empty<string>());
        await using var egress = await EgressHost.StartAsync(tenant => Settings(tenant, "00:00:05"), resolver);

        await egress.RefusedAsync("https://nowhere.example/", EgressRefusalReason.HostNotFound);
    }

    private Dictionary<string, string?> Settings(string tenant, string connectTimeout)
    {
        var settings = EgressHost.AnyHostWithLoopback(tenant, site.Port);
        settings["Egress:ConnectTimeout"] = connectTimeout;
        return settings;
    }
}
