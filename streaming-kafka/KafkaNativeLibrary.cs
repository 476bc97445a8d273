using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace AdrPlatform.Streaming.Kafka;

/// <summary>
/// Loads librdkafka before any Kafka client is created. The default linux-x64 build of librdkafka.redist
/// links against libsasl2.so.3, which Debian does not ship; the centos8 build next to it does not, so it
/// is the fallback on Linux x64 (recent Confluent.Kafka versions try it themselves; older ones do not).
/// </summary>
public static class KafkaNativeLibrary
{
    private const string FallbackFileName = "centos8-librdkafka.so";
    private const string RedistVersion = "2.16.0";
    private static readonly Lock Gate = new();
    private static bool _loaded;

    /// <summary>The file loaded as a fallback, or null when Confluent.Kafka's default load succeeded.</summary>
    public static string? LoadedPath { get; private set; }

    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded)
            {
                return;
            }

            try
            {
                // Reading the version makes Confluent.Kafka load its default native library.
                _ = Library.Version;
            }
            catch (Exception defaultLoadFailure) when (IsLinuxX64)
            {
                var fallback = FindFallback() ?? throw new DllNotFoundException(
                    $"librdkafka could not be loaded ({defaultLoadFailure.Message}) and no {FallbackFileName} was found.", defaultLoadFailure);
                Library.Load(fallback);
                LoadedPath = fallback;
            }

            _loaded = true;
        }
    }

    /// <summary>
    /// A handle to the same librdkafka Confluent.Kafka uses, for direct P/Invoke (the mock cluster).
    /// dlopen of an already loaded file returns the existing handle, so trying the files in Confluent's
    /// order (default build first, then the fallback) lands on the loaded one.
    /// </summary>
    internal static IntPtr GetHandle()
    {
        EnsureLoaded();
        if (LoadedPath is { } path)
        {
            return NativeLibrary.Load(path);
        }

        var nativeDirectory = Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        string?[] candidates = [Path.Combine(nativeDirectory, "librdkafka.so"), IsLinuxX64 ? FindFallback() : null];
        foreach (var candidate in candidates)
        {
            if (candidate is not null && File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        return NativeLibrary.Load("librdkafka", typeof(KafkaNativeLibrary).Assembly, DllImportSearchPath.SafeDirectories);
    }

    private static bool IsLinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    private static string? FindFallback()
    {
        var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", FallbackFileName),
            Path.Combine(AppContext.BaseDirectory, FallbackFileName),
            Path.Combine(nugetRoot, "librdkafka.redist", RedistVersion, "runtimes", "linux-x64", "native", FallbackFileName),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }
}
