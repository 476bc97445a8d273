using System.Collections.Concurrent;
using System.Globalization;
using AdrPlatform.Domain.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Adapters.Documents.Isolation;

/// <summary>
/// The silo's parser processes: started when needed, reused for up to <see cref="DocumentParserOptions.DocumentsPerProcess"/>
/// documents, at most <see cref="DocumentParserOptions.MaxProcesses"/> at once. A process that failed or was killed is
/// never reused. Disposing the pool kills them all.
/// </summary>
public sealed partial class ParserProcessPool : IDisposable
{
    private readonly DocumentParserOptions options;
    private readonly ParserLaunch launch;
    private readonly ILogger<ParserProcessPool> logger;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentBag<ParserProcess> idle = [];
    private int processesStarted;

    public ParserProcessPool(IOptions<DocumentParserOptions> options, ILogger<ParserProcessPool> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        launch = ParserLaunch.Resolve(this.options.ExecutablePath);
        this.logger = logger;
        slots = new SemaphoreSlim(this.options.MaxProcesses);
    }

    /// <summary>Processes started since the pool was made (a measure of what reuse saves).</summary>
    public int ProcessesStarted => processesStarted;

    /// <summary>
    /// Reads one document in a parser process. The wall-clock limit starts when a process is free; waiting for one
    /// is bounded by the caller's token only.
    /// </summary>
    public async Task<ParsedDocument> ReadAsync(ParseRequest request, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        ParserProcess? parser = null;
        try
        {
            parser = Take();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(options.MaxTimePerDocument);
            try
            {
                return await parser.ReadAsync(request, content, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var reason = string.Create(
                    CultureInfo.InvariantCulture, $"the document took longer than {options.MaxTimePerDocument.TotalSeconds:0.#} s to read");
                LogParserEnded(logger, parser.Id, reason);
                throw new DocumentRejectedException(reason);
            }
            catch (DocumentRejectedException rejected) when (!parser.Usable)
            {
                LogParserEnded(logger, parser.Id, rejected.Message);
                throw;
            }
        }
        finally
        {
            Return(parser);
            slots.Release();
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var parser))
        {
            parser.Dispose();
        }

        slots.Dispose();
    }

    private ParserProcess Take()
    {
        if (idle.TryTake(out var parser))
        {
            return parser;
        }

        Interlocked.Increment(ref processesStarted);
        return ParserProcess.Start(launch, options);
    }

    private void Return(ParserProcess? parser)
    {
        if (parser is null)
        {
            return;
        }

        if (parser.Usable && parser.DocumentsRead < options.DocumentsPerProcess)
        {
            idle.Add(parser);
        }
        else
        {
            parser.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parser process {ProcessId} was ended: {Reason}")]
    private static partial void LogParserEnded(ILogger logger, int processId, string reason);
}
