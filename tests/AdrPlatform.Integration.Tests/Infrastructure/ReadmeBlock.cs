using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>
/// The first <c>bash</c> block under a README heading, run as written from the repository root in a process group of
/// its own (its output in a log file), so the hosts it starts in the background can be found, killed and cleaned up.
/// </summary>
public sealed partial class ReadmeBlock : IDisposable
{
    private readonly Process _shell;
    private readonly string _logPath;

    private ReadmeBlock(Process shell, string logPath)
    {
        _shell = shell;
        _logPath = logPath;
    }

    public string Log => File.Exists(_logPath) ? File.ReadAllText(_logPath) : "(no output yet)";

    /// <summary>
    /// Starts the block under <paramref name="heading"/> with <paramref name="environment"/> on top of this process's,
    /// after removing what an earlier run of the block left in the membership table of the database it uses.
    /// </summary>
    public static ReadmeBlock Start(string heading, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = SiloProcess.RepositoryRoot();
        var commands = Extract(File.ReadAllText(Path.Combine(root, "README.md")), heading);
        ForgetEarlierMembers();
        var directory = Directory.CreateTempSubdirectory("readme-block-").FullName;
        var logPath = Path.Combine(directory, "block.log");
        var script = Path.Combine(directory, "block.sh");
        File.WriteAllText(script, $"exec >>'{logPath}' 2>&1\nset -e\n{commands}\n");

        // setsid: the block and everything it starts in the background share a new process group.
        var start = new ProcessStartInfo("setsid", ["bash", script]) { WorkingDirectory = root, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ReadmeBlock(Process.Start(start) ?? throw new InvalidOperationException("Could not start bash."), logPath);
    }

    /// <summary>The commands of the first <c>```bash</c> block after <paramref name="heading"/>.</summary>
    public static string Extract(string readme, string heading)
    {
        ArgumentNullException.ThrowIfNull(readme);
        var at = readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"README has no heading '{heading}'");
        var block = FencedBash().Match(readme, at);
        Assert.True(block.Success, $"README has no bash block under '{heading}'");
        return block.Groups["commands"].Value;
    }

    /// <summary>Retries <paramref name="probe"/> until it succeeds; fails with the block's output after <paramref name="limit"/>.</summary>
    public async Task WaitUntilAsync(Func<Task> probe, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await probe();
                return;
            }
            catch (Exception error) when (clock.Elapsed < limit && error is not OutOfMemoryException)
            {
                await Task.Delay(1000);
            }
            catch (Exception error)
            {
                throw new TimeoutException($"Not ready after {limit}: {error.Message}\nREADME block output:\n{Log}", error);
            }
        }
    }

    /// <summary>Kills (SIGKILL) the host process the block started whose command line holds <paramref name="argument"/>.</summary>
    public void KillProcess(string argument)
    {
        var hosts = GroupProcesses().Where(p => p.Arguments.Contains(argument) && p.Arguments.Any(IsHostAssembly)).ToList();
        Assert.True(hosts.Count == 1, $"expected one host process with {argument}, found {hosts.Count}");
        using var host = Process.GetProcessById(hosts[0].Id);
        host.Kill();
        host.WaitForExit();
    }

    /// <summary>Stops everything the block started: SIGTERM first, so silos leave the cluster, then SIGKILL.</summary>
    public void Dispose()
    {
        Signal("TERM");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (GroupProcesses().Count > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(250);
        }

        Signal("KILL");
        _shell.Dispose();
    }

    private static bool IsHostAssembly(string argument) =>
        Path.GetFileName(argument) is "adrplatform-silo" or "adrplatform-silo.dll" or "adrplatform-gateway" or "adrplatform-gateway.dll";

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", "--", $"-{_shell.Id}"]) { UseShellExecute = false, RedirectStandardError = true });
        kill?.WaitForExit();
    }

    /// <summary>The live processes of the block's process group, with their arguments.</summary>
    private List<(int Id, string[] Arguments)> GroupProcesses()
    {
        var group = _shell.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<(int, string[])> members = [];
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && fields[2] == group)
                {
                    members.Add((id, File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries)));
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return members;
    }

    /// <summary>Silos an earlier run left behind in the block's database would be probed by the new ones until declared dead.</summary>
    private static void ForgetEarlierMembers()
    {
        var owner = new NpgsqlConnectionStringBuilder(PostgresDatabase.OwnerConnectionString) { Database = "adrplatform" };
        using var connection = new NpgsqlConnection(owner.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "DELETE FROM orleansmembershiptable WHERE deploymentid = 'adrplatform'; DELETE FROM orleansmembershipversiontable WHERE deploymentid = 'adrplatform'", connection);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Never migrated: no silo ever ran on it.
        }
    }

    [GeneratedRegex(@"```bash\n(?<commands>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBash();
}
