using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AdrPlatform.Adapters.Documents.Isolation;

/// <summary>The parser processes that read untrusted uploads.</summary>
public sealed class DocumentParserOptions
{
    public const string Section = "Ingestion:Parser";

    [Description("Parser processes per silo at once (more uploads wait for one)")]
    [Range(1, 64)]
    public int MaxProcesses { get; set; } = 2;

    [Description("Documents one parser process reads before it is replaced")]
    [Range(1, int.MaxValue)]
    public int DocumentsPerProcess { get; set; } = 200;

    [Description("A parser process's GC heap limit; a document needing more fails")]
    [Range(64, 65_536)]
    public int MaxMemoryMegabytes { get; set; } = 512;

    [Description("Address space a parser process may map beyond its heap limit (the runtime cannot start under about 1 GB)")]
    [Range(1_024, int.MaxValue)]
    public int AddressSpaceHeadroomMegabytes { get; set; } = 1536;

    [Description("CPU time one document may take (the kernel stops the process past it)")]
    [Range(1, 3_600)]
    public int MaxCpuSecondsPerDocument { get; set; } = 20;

    [Description("Wall-clock time one document may take, a process start included (the process is killed past it)")]
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxTimePerDocument { get; set; } = TimeSpan.FromSeconds(30);

    [Description("The parser process's assembly; empty: `AdrPlatform.DocumentParser.dll` beside the host (built with either host)")]
    public string ExecutablePath { get; set; } = string.Empty;
}
