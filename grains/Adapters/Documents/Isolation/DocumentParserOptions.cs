namespace AdrPlatform.Adapters.Documents.Isolation;

/// <summary>The parser processes that read untrusted uploads (configuration section "Ingestion:Parser").</summary>
public sealed class DocumentParserOptions
{
    public const string Section = "Ingestion:Parser";

    /// <summary>Parser processes at most at once per silo; more documents wait for one to be free.</summary>
    public int MaxProcesses { get; set; } = 2;

    /// <summary>Documents one process reads before it is replaced (a fresh heap; nothing one document leaves behind meets many others).</summary>
    public int DocumentsPerProcess { get; set; } = 200;

    /// <summary>The GC heap limit of a parser process; a document needing more fails.</summary>
    public int MaxMemoryMegabytes { get; set; } = 512;

    /// <summary>Address space a parser process may map beyond its heap limit (the runtime reserves some; native code uses the rest).</summary>
    public int AddressSpaceHeadroomMegabytes { get; set; } = 1536;

    /// <summary>CPU time one document may take; the kernel stops the process past it.</summary>
    public int MaxCpuSecondsPerDocument { get; set; } = 20;

    /// <summary>Wall-clock time one document may take, including a process start; the process is killed past it.</summary>
    public TimeSpan MaxTimePerDocument { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The parser's entry assembly; empty: AdrPlatform.DocumentParser.dll beside the host's own assemblies.</summary>
    public string ExecutablePath { get; set; } = string.Empty;

    /// <summary>Throws with the offending setting's name when a value is out of range.</summary>
    public void Validate()
    {
        Require(MaxProcesses is >= 1 and <= 64, nameof(MaxProcesses), "between 1 and 64");
        Require(DocumentsPerProcess >= 1, nameof(DocumentsPerProcess), "at least 1");
        Require(MaxMemoryMegabytes is >= 64 and <= 65536, nameof(MaxMemoryMegabytes), "between 64 and 65536");
        Require(AddressSpaceHeadroomMegabytes >= 1024, nameof(AddressSpaceHeadroomMegabytes), "at least 1024 (the runtime cannot start with less)");
        Require(MaxCpuSecondsPerDocument is >= 1 and <= 3600, nameof(MaxCpuSecondsPerDocument), "between 1 and 3600");
        Require(MaxTimePerDocument > TimeSpan.Zero && MaxTimePerDocument <= TimeSpan.FromHours(1), nameof(MaxTimePerDocument), "between 0 and 1 hour");
    }

    private static void Require(bool valid, string name, string range)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"{Section}:{name} must be {range}.");
        }
    }
}
