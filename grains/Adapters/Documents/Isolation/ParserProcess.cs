using System.Diagnostics;
using System.Globalization;
using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Adapters.Documents.Isolation;

/// <summary>
/// One running parser process. It reads the documents it is sent one at a time, under a GC heap limit, an
/// address-space limit and, per document, a CPU-time limit. Whatever ends it — a stack overflow, a limit, a
/// kill on cancel or deadline — is told as a <see cref="DocumentRejectedException"/> (or the cancellation),
/// and the process is not used again.
/// </summary>
internal sealed class ParserProcess : IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly Process process;
    private readonly DocumentParserOptions options;
    private volatile bool stackOverflowed;
    private volatile bool ranOutOfMemory;

    private ParserProcess(Process process, DocumentParserOptions options)
    {
        this.process = process;
        this.options = options;
    }

    public int Id => process.Id;

    public int DocumentsRead { get; private set; }

    /// <summary>False once the process has ended or was told to end; it then takes no more documents.</summary>
    public bool Usable { get; private set; } = true;

    public static ParserProcess Start(ParserLaunch launch, DocumentParserOptions options)
    {
        var start = new ProcessStartInfo(launch.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in launch.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the silo's environment (connection strings, keys) reaches the process that reads hostile input.
        start.Environment.Clear();
        CopyVariable(start, "PATH");
        CopyVariable(start, "DOTNET_ROOT");
        start.Environment["DOTNET_GCHeapHardLimit"] = ((long)options.MaxMemoryMegabytes * MiB).ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The document parser process did not start.");
        var parser = new ParserProcess(process, options);
        process.ErrorDataReceived += (_, line) => parser.Notice(line.Data);
        process.BeginErrorReadLine();
        try
        {
            ProcessLimits.LimitAddressSpace(process.Id, (long)(options.MaxMemoryMegabytes + options.AddressSpaceHeadroomMegabytes) * MiB);
        }
        catch
        {
            parser.Dispose();
            throw;
        }

        return parser;
    }

    /// <summary>Reads one document. Cancelling the token kills the process at once.</summary>
    public async Task<ParsedDocument> ReadAsync(ParseRequest request, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DocumentsRead++;
        ProcessLimits.LimitCpuFromNow(process.Id, process.TotalProcessorTime.TotalSeconds, options.MaxCpuSecondsPerDocument);
        ParseReply reply;
        using (cancellationToken.Register(Kill))
        {
            try
            {
                await ParserProtocol.WriteRequestAsync(process.StandardInput.BaseStream, request, content, cancellationToken);
                reply = await ParserProtocol.ReadReplyAsync(process.StandardOutput.BaseStream, MaxReplyBytes(request.Limits), cancellationToken);
            }
            catch (InvalidDataException)
            {
                Kill();
                throw new DocumentRejectedException(
                    $"the document's text is larger than the {ByteSizes.Megabytes(MaxReplyBytes(request.Limits))} a parser may return");
            }
            catch (Exception ended) when (ended is IOException or OperationCanceledException or ObjectDisposedException)
            {
                Kill();
                cancellationToken.ThrowIfCancellationRequested();
                throw new DocumentRejectedException(await WhyItEndedAsync());
            }
        }

        if (reply.OutOfMemory)
        {
            Kill();
            throw new DocumentRejectedException(OutOfMemoryReason);
        }

        return reply.Document ?? throw new DocumentRejectedException(reply.Rejection ?? "the document could not be read");
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private string OutOfMemoryReason => $"the document needs more than {options.MaxMemoryMegabytes} MB of memory to read";

    /// <summary>JSON of the longest text allowed, at the worst case of a 6-byte escape per character, plus the headings' share.</summary>
    private static int MaxReplyBytes(DocumentLimits limits) => (int)Math.Min(Array.MaxLength, (6L * limits.MaxExtractedChars) + MiB);

    private async Task<string> WhyItEndedAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            return "the document could not be read: its parser stopped answering";
        }

        if (stackOverflowed)
        {
            return "the document is nested too deeply to read";
        }

        if (ranOutOfMemory)
        {
            return OutOfMemoryReason;
        }

        return process.ExitCode == ProcessLimits.ExitedOnCpuLimit
            ? $"the document needed more than {options.MaxCpuSecondsPerDocument} s of processor time to read"
            : $"the document could not be read: its parser stopped unexpectedly (exit code {process.ExitCode})";
    }

    /// <summary>Watches the process's error output for how it ended; its content is not kept or logged (it may quote the document).</summary>
    private void Notice(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("Stack overflow", StringComparison.Ordinal))
        {
            stackOverflowed = true;
        }
        else if (line.Contains("OutOfMemoryException", StringComparison.Ordinal))
        {
            ranOutOfMemory = true;
        }
    }

    private void Kill()
    {
        Usable = false;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void CopyVariable(ProcessStartInfo start, string name)
    {
        if (Environment.GetEnvironmentVariable(name) is { } value)
        {
            start.Environment[name] = value;
        }
    }
}
