using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Hosting;
using AdrPlatform.Ports;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AdrPlatform.Integration.Tests.Cluster;

/// <summary>
/// An in-process Orleans test cluster of two silos running the platform's grains. The silos share
/// one store instance, standing in for the shared database of a real cluster.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(2).AddSiloBuilderConfigurator<Configurator>().Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class Configurator : ISiloConfigurator
    {
        private static readonly InMemoryAdrStore SharedStore = new();

        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSingleton<IAdrStore>(SharedStore);
            siloBuilder.AddAdrPlatformGrains();
        }
    }
}
