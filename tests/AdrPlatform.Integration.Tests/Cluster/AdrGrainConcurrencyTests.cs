using System.Collections.Immutable;
using AdrPlatform.Errors;
using AdrPlatform.Grains;
using AdrPlatform.Model;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>One writer per tenant and per ADR: numbers and versions stay exact under concurrent callers.</summary>
public class AdrGrainConcurrencyTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static AdrDraft Draft(string title) =>
        new(title, AdrTemplate.Madr, "body", ImmutableDictionary<string, string>.Empty, [], [], null);

    [Fact]
    public async Task Concurrent_creates_get_unique_gapless_numbers()
    {
        var tenant = ITenant();
        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => tenant.CreateAdrAsync(Draft($"Decision {i}"), $"user{i % 7}")));
        Assert.Equal(Enumerable.Range(1, 200), created.Select(r => r.Number).Order());
    }

    [Fact]
    public async Task Of_concurrent_updates_based_on_one_version_exactly_one_wins()
    {
        var tenantId = "t" + Guid.NewGuid().ToString("N")[..8];
        var record = await fixture.Grains.GetGrain<ITenantGrain>(tenantId).CreateAdrAsync(Draft("Contended"), "alice");
        var adr = fixture.Grains.GetGrain<IAdrGrain>(record.Number, tenantId);
        var attempts = Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await adr.UpdateAsync(new AdrEdit(1, $"Title from writer {i}", null, null, null, null, false), $"writer{i}");
                return true;
            }
            catch (AdrPlatformException error) when (error.Kind == ErrorKind.FailedPrecondition)
            {
                return false;
            }
        });
        var results = await Task.WhenAll(attempts);
        Assert.Single(results, won => won);
        var versions = await adr.ListVersionsAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(2, (await adr.GetAsync(false)).Version);
    }

    [Fact]
    public async Task Grain_keys_keep_tenants_apart()
    {
        var a = "a" + Guid.NewGuid().ToString("N")[..8];
        var b = "b" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Grains.GetGrain<ITenantGrain>(a).CreateAdrAsync(Draft("Tenant A's"), "alice");
        var error = await Assert.ThrowsAsync<AdrPlatformException>(() => fixture.Grains.GetGrain<IAdrGrain>(1, b).GetAsync(false));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal(1, (await fixture.Grains.GetGrain<ITenantGrain>(b).CreateAdrAsync(Draft("Tenant B's"), "bob")).Number);
    }

    private ITenantGrain ITenant() => fixture.Grains.GetGrain<ITenantGrain>("t" + Guid.NewGuid().ToString("N")[..8]);
}
