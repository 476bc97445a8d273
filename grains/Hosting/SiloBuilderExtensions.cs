using System.Net;
using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Adapters.Postgres;
using AdrPlatform.Domain.Quotas;
using AdrPlatform.Adapters.Chat;
using AdrPlatform.Adapters.Embeddings;
using AdrPlatform.Grains;
using AdrPlatform.Grains.Chat;
using AdrPlatform.Grains.Search;
using AdrPlatform.Placement;
using AdrPlatform.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Serialization;
using Orleans.Storage;

namespace AdrPlatform.Hosting;

/// <summary>The one place that says how a silo of this platform is put together; every host calls it.</summary>
public static class SiloBuilderExtensions
{
    // Orleans maps this invariant name to Npgsql's provider factory itself.
    private const string NpgsqlInvariant = "Npgsql";

    public static ISiloBuilder AddAdrPlatform(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var cluster = configuration.GetValidated<PlatformSiloOptions>(PlatformSiloOptions.Section);
        var storage = configuration.GetValidated<PlatformStorageOptions>(PlatformStorageOptions.Section);
        silo.AddActivityPropagation(); // one trace from the RPC through every grain call to the provider
        UseStronglyConsistentDirectory(silo);
        var roles = SiloRoleSet.Parse(cluster.Role);
        silo.AddRoles(roles);
        if (storage.UsesPostgres)
        {
            return silo.AddPostgres(configuration, cluster, storage, roles);
        }

        silo.UseLocalhostClustering(
            cluster.SiloPort, cluster.GatewayPort, new IPEndPoint(IPAddress.Loopback, cluster.PrimarySiloPort), cluster.ServiceId, cluster.ClusterId);
        silo.AddAi(configuration);
        return silo.AddAdrPlatformGrains(configuration);
    }

    /// <summary>
    /// Orleans' strongly consistent grain directory: with the default one, the registrations a crashed silo held are lost,
    /// so live activations on the surviving silos (a chat answer streaming there) are cut off or duplicated; this one
    /// recovers them from the survivors. Still marked for evaluation in Orleans 10; its behaviour is what this platform
    /// promises (StreamSiloDeathTests kills a silo beside a streaming answer). Its range leases, which hold back new
    /// activations of a dead silo's grains for 30 s less the failure-detection time, are off: they stalled every write
    /// of the tenant for that long after a crash (SiloFailoverTests), and the stores' version checks already refuse the
    /// writes of a duplicate activation during a false death declaration, as they did with the default directory.
    /// </summary>
    private static void UseStronglyConsistentDirectory(ISiloBuilder silo)
    {
#pragma warning disable ORLEANSEXP003
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        silo.Configure<GrainDirectoryOptions>(options => options.RangeLeaseDuration = TimeSpan.Zero);
    }

    /// <summary>
    /// This silo's roles, published as silo metadata, and the placement filter that reads them: grains marked
    /// <see cref="OnSiloRoleAttribute"/> activate only on silos holding their role.
    /// </summary>
    private static void AddRoles(this ISiloBuilder silo, SiloRoleSet roles)
    {
        if (silo.Services.Any(service => service.ServiceType == typeof(SiloRoleSet)))
        {
            return;
        }

        silo.Services.AddSingleton(roles);
        silo.Services.AddSingleton<SiloRoleDirectory>();
        silo.UseSiloMetadata(new Dictionary<string, string> { [SiloRoles.MetadataKey] = roles.MetadataValue });
        silo.Services.PostConfigure<SiloOptions>(options => options.SiloName = SiloRoles.SiloName(roles.MetadataValue, options.SiloName ?? "Silo"));
        silo.Services.AddPlacementFilter<SiloRoleFilterStrategy, SiloRoleFilterDirector>(ServiceLifetime.Transient);
    }

    /// <summary>
    /// Storage and services the grains need, in memory, without clustering (test clusters bring their own);
    /// streams as configured (memory streams when there is no configuration). Such a silo holds every role.
    /// </summary>
    public static ISiloBuilder AddAdrPlatformGrains(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddRoles(SiloRoleSet.Parse(PlatformSiloOptions.AllRoles));
        silo.AddPlatformSerialization();
        foreach (var name in StorageNames.All)
        {
            silo.AddMemoryGrainStorage(name, options => options.Configure<IServiceProvider>((o, services) => UseCompactJson(name, o, services)));
        }

        silo.AddEventStreams(configuration);
        silo.Services.AddJobServices(configuration);
        silo.Services.TryAddSingleton<IBlobStore, InMemoryBlobStore>();
        silo.Services.TryAddSingleton<IDocumentIndex, InMemoryDocumentIndex>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<IAdrStore, InMemoryAdrStore>();
        silo.Services.TryAddSingleton<ISearchIndex, InMemorySearchIndex>();
        silo.Services.TryAddSingleton<IUsageLedger, InMemoryUsageLedger>();
        silo.Services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new LocalHashingEmbeddingGenerator());
        silo.Services.TryAddSingleton(EmbeddingProviders.ModelOf(new EmbeddingOptions { Provider = EmbeddingOptions.Hashing }));
        silo.Services.TryAddSingleton<IChatModels>(services => ChatProviders.LocalOnly(services.GetRequiredService<TimeProvider>()));
        silo.Services.TryAddSingleton<ITokenCounter, TiktokenCounter>();
        silo.Services.AddGrainOptions(configuration);
        return silo;
    }

    /// <summary>The states written on every chat request are stored as compact JSON (see <see cref="CompactJsonStateSerializer"/>).</summary>
    private static void UseCompactJson(string storage, IStorageProviderSerializerOptions options, IServiceProvider services)
    {
        if (storage is StorageNames.Tenants or StorageNames.Chats)
        {
            options.GrainStorageSerializer = CompactJsonStateSerializer.WithFallback(services.GetRequiredService<IGrainStorageSerializer>());
        }
    }

    /// <summary>The pure domain's state types carry no Orleans attributes; they travel and persist as JSON.</summary>
    private static void AddPlatformSerialization(this ISiloBuilder silo) =>
        silo.Services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace == typeof(TenantLedger).Namespace));

    /// <summary>The settings the grains read.</summary>
    private static void AddGrainOptions(this IServiceCollection services, IConfiguration? configuration)
    {
        services.AddValidatedOptions<SearchOptions>(SearchOptions.Section, configuration);
        services.AddValidatedOptions<ChatSessionOptions>(ChatSessionOptions.Section, configuration);
    }

    /// <summary>The configured AI providers (embeddings, chat).</summary>
    private static void AddAi(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddValidatedOptions<EmbeddingOptions>(EmbeddingOptions.Section, configuration);
        silo.Services.AddAdrPlatformEmbeddings();
        silo.Services.AddHostedService<EmbeddingWarmup>();
        silo.Services.AddValidatedOptions<ChatModelsOptions>(ChatModelsOptions.Section, configuration);
        silo.Services.AddAdrPlatformChat();
    }

    private static ISiloBuilder AddPostgres(this ISiloBuilder silo, IConfiguration configuration, PlatformSiloOptions cluster, PlatformStorageOptions storage, SiloRoleSet roles)
    {
        var app = configuration.GetConnectionString(ConnectionStringNames.App)
            ?? throw new InvalidOperationException($"Storage:Provider is postgres but ConnectionStrings:{ConnectionStringNames.App} is not set.");
        if (storage.MigrateOnStart)
        {
            var owner = configuration.GetConnectionString(ConnectionStringNames.Owner)
                ?? throw new InvalidOperationException($"Storage:MigrateOnStart needs ConnectionStrings:{ConnectionStringNames.Owner} (the owner role).");
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                new MigrationsAtStartup(owner, services.GetRequiredService<ILogger<MigrationsAtStartup>>()));
        }

        silo.Configure<Orleans.Configuration.ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
        // Failure detection and call time-outs can be tightened per deployment (the failover tests do).
        silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(configuration.GetSection(PlatformSiloOptions.MembershipSection));
        silo.Configure<Orleans.Configuration.SiloMessagingOptions>(configuration.GetSection(PlatformSiloOptions.MessagingSection));
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = app;
        });
        foreach (var name in StorageNames.All)
        {
            silo.AddAdoNetGrainStorage(name, options => options.Configure<IServiceProvider>((o, services) =>
            {
                o.Invariant = NpgsqlInvariant;
                o.ConnectionString = app;
                UseCompactJson(name, o, services);
            }));
        }
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = app;
        });
        silo.AddPlatformSerialization();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton(_ => PostgresDataSource.Create(app));
        silo.Services.TryAddSingleton<IAdrStore, PostgresAdrStore>();
        silo.Services.TryAddSingleton<ISearchIndex, PostgresSearchIndex>();
        silo.Services.TryAddSingleton<IUsageLedger, PostgresUsageLedger>();
        silo.Services.TryAddSingleton<IBlobStore, PostgresBlobStore>();
        silo.Services.TryAddSingleton<IDocumentIndex, PostgresDocumentIndex>();
        silo.Services.TryAddSingleton<ITokenCounter, TiktokenCounter>();
        // Only worker silos pull the event streams (see WorkerQueueBalancer), have the job services and parse documents.
        silo.AddEventStreams(configuration);
        if (roles.HoldsWorker)
        {
            silo.Services.AddJobServices(configuration);
        }

        silo.Services.AddGrainOptions(configuration);
        silo.AddAi(configuration);
        return silo;
    }
}
