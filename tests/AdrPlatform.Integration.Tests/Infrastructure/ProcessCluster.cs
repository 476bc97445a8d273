using System.Globalization;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>A front and worker silos as separate processes on the test database, tuned to notice a dead silo within seconds.</summary>
public static class ProcessCluster
{
    public static Dictionary<string, string> Settings(string clusterId) => new()
    {
        ["Storage:Provider"] = "postgres",
        ["Embeddings:Provider"] = "hashing",
        ["ConnectionStrings:AdrPlatform"] = PostgresDatabase.AppConnectionString,
        ["Cluster:ClusterId"] = clusterId,
        ["Cluster:Membership:ProbeTimeout"] = "00:00:01",
        ["Cluster:Membership:NumMissedProbesLimit"] = "2",
        ["Cluster:Membership:NumVotesForDeathDeclaration"] = "1",
        ["Cluster:Membership:IAmAliveTablePublishTimeout"] = "00:00:02",
        ["Cluster:Messaging:ResponseTimeout"] = "00:00:05",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static SiloProcess StartFront(IReadOnlyDictionary<string, string> settings, int port, string keyPath) =>
        SiloProcess.Start("gateway", "adrplatform-gateway", new Dictionary<string, string>(settings)
        {
            ["Gateway:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Management:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Auth:DevelopmentKeyPath"] = keyPath,
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });

    public static SiloProcess StartWorker(IReadOnlyDictionary<string, string> settings) =>
        SiloProcess.Start("silo", "adrplatform-silo", new Dictionary<string, string>(settings)
        {
            ["Management:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
}
