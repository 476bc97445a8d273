using System.Globalization;
using Npgsql;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>What the Orleans membership table in the test database says about a cluster's silos.</summary>
public static class ClusterMembership
{
    private const int Active = 3;

    private static async Task<IReadOnlySet<int>> ActiveSiloPortsAsync(string clusterId)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT port FROM orleansmembershiptable WHERE deploymentid = @cluster AND status = @active", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("active", Active);
        await using var reader = await command.ExecuteReaderAsync();
        var ports = new HashSet<int>();
        while (await reader.ReadAsync())
        {
            ports.Add(reader.GetInt32(0));
        }

        return ports;
    }

    /// <summary>Waits (up to a minute) until <paramref name="silo"/> is an Active member of the cluster; fails otherwise.</summary>
    public static async Task WaitUntilActiveAsync(string clusterId, SiloProcess silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var port = int.Parse(silo.Settings["Cluster:SiloPort"], CultureInfo.InvariantCulture);
        await Eventually.HoldsAsync(
            async () =>
            {
                Assert.False(silo.HasExited, $"the silo exited before joining the cluster:\n{silo.Output}");
                return await ActiveSiloPortsAsync(clusterId);
            },
            ports => ports.Contains(port),
            $"the silo on port {port} never became Active in {clusterId}",
            TimeSpan.FromSeconds(60),
            TimeSpan.FromMilliseconds(250));
    }
}
