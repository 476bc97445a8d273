using System.Diagnostics;
using System.Text;

namespace AdrPlatform.TestKit;

/// <summary>A front or worker silo running as its own operating-system process, so a test can kill it without warning.</summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, IReadOnlyDictionary<string, string> settings)
    {
        _process = process;
        Settings = settings;
    }

    /// <summary>The command-line configuration it was started with.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating-system process id, e.g. to read its memory.</summary>
    public int Id => _process.Id;

    /// <summary>The CPU time it has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <c>gateway</c> or <c>silo</c> from this build's output with the given settings as command-line configuration.</summary>
    public static SiloProcess Start(string project, string assembly, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(RepositoryRoot(), project, "bin", BuildConfiguration(), "net10.0", assembly + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build {project} first: {dll} is missing.", dll);
        }

        // Workstation GC: several silos share the test machine's cores.
        return Start(dll, settings, new Dictionary<string, string?> { ["DOTNET_gcServer"] = "0" });
    }

    /// <summary>Starts the host assembly <paramref name="dll"/> with the given settings as command-line configuration and <paramref name="environment"/> on top of this process's.</summary>
    public static SiloProcess Start(string dll, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var silo = new SiloProcess(process, settings);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Retries <paramref name="probe"/> (a gRPC call) until it succeeds, for up to a minute while the process lives.</summary>
    public async Task WaitUntilServingAsync(Func<Task> probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await probe();
                return;
            }
            catch (Grpc.Core.RpcException) when (DateTime.UtcNow < deadline && !HasExited)
            {
                await Task.Delay(500);
            }
            catch (Grpc.Core.RpcException error)
            {
                throw new InvalidOperationException($"The silo did not start serving: {error.Status.Detail}\n{Output}", error);
            }
        }
    }

    /// <summary>SIGKILL: no graceful shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AdrPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No directory above the test assembly holds AdrPlatform.sln.");
    }
}
