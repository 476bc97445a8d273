namespace AdrPlatform.Adapters.Documents.Isolation;

/// <summary>How to start a parser process: its own apphost, or `dotnet exec` on its assembly with the host this silo runs on.</summary>
internal sealed record ParserLaunch(string FileName, IReadOnlyList<string> Arguments)
{
    public const string AssemblyName = "AdrPlatform.DocumentParser.dll";

    /// <summary>Resolves the configured path (or the parser beside this host); throws at start when it is not there.</summary>
    public static ParserLaunch Resolve(string configuredPath)
    {
        var path = configuredPath.Length > 0 ? Path.GetFullPath(configuredPath) : Path.Combine(AppContext.BaseDirectory, AssemblyName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The document parser {path} does not exist; build the solution, or set {DocumentParserOptions.Section}:ExecutablePath.");
        }

        return path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new(DotnetHost(), ["exec", path]) : new(path, []);
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
