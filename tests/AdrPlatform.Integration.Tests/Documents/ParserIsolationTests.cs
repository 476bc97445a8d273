using System.Diagnostics;
using AdrPlatform.Adapters.Documents.Isolation;
using AdrPlatform.Domain.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdrPlatform.Integration.Tests.Documents;

/// <summary>
/// Hostile documents read by real parser processes under tight limits: each fails with the reason a person can act
/// on, within its limit, and the pool reads the next ordinary document afterwards. Alone in its collection, so the
/// parser processes the tests look for are their own.
/// </summary>
[Collection(ParserProcessesRunAlone.Name)]
public sealed class ParserIsolationTests : IDisposable
{
    private const string Pdf = DocumentMediaTypes.Pdf;
    private const string Docx = DocumentMediaTypes.Docx;
    private const string Html = DocumentMediaTypes.Html;
    private const string Markdown = DocumentMediaTypes.Markdown;
    private const string NestedTooDeeply = "nested too deeply";
    private const string ProcessorTime = "more than 10 s of processor time";

    private static readonly DocumentParserOptions Tight = new()
    {
        MaxCpuSecondsPerDocument = 10,
        // Generous: on a loaded machine 10 s of CPU takes far longer than 10 s, and the CPU limit is the one under test.
        MaxTimePerDocument = TimeSpan.FromSeconds(60),
        MaxMemoryMegabytes = 256,
    };

    private readonly ParserProcessPool _pool = Pool(Tight);

    /// <summary>Each document with the reasons it may fail with: deep DOCX nesting overflows the stack after about as much CPU as the limit allows.</summary>
    public static TheoryData<string, string, string[]> Hostile => new()
    {
        { "pdf-page-tree-200000-deep", Pdf, [NestedTooDeeply] },
        { "pdf-page-tree-cycle", Pdf, ["no text could be extracted"] },
        { "pdf-two-billion-pages", Pdf, ["no text could be extracted"] },
        { "pdf-1-gib-flate-bomb", Pdf, ["no text could be extracted"] },
        { "docx-100000-content-controls", Docx, [NestedTooDeeply, ProcessorTime] },
        { "docx-100000-nested-tables", Docx, [NestedTooDeeply, ProcessorTime] },
        { "docx-billion-laughs", Docx, ["DTD is prohibited"] },
        { "docx-zip-bomb", Docx, ["the DOCX expands to more than"] },
        { "html-1000000-nested-elements", Html, [ProcessorTime] },
        { "markdown-100000-quotes", Markdown, ["too deeply nested"] },
        { "markdown-100000-lists", Markdown, ["too deeply nested"] },
        { "markdown-100000-brackets", Markdown, ["too deeply nested"] },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_document_fails_with_its_reason_within_its_limit_and_the_next_document_is_read(string name, string mediaType, string[] reasons)
    {
        var clock = Stopwatch.StartNew();
        var rejected = await Assert.ThrowsAsync<DocumentRejectedException>(() => ReadAsync(_pool, name, mediaType, Generate(name)));

        Assert.True(reasons.Any(reason => rejected.Message.Contains(reason, StringComparison.Ordinal)), rejected.Message);
        Assert.True(clock.Elapsed < Tight.MaxTimePerDocument + TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var next = await ReadAsync(_pool, "next.pdf", Pdf, SampleDocuments.Pdf(2));
        Assert.Equal(2, next.PageCount);
    }

    [Fact]
    public async Task Deeply_nested_html_tables_are_read_without_harm()
    {
        var parsed = await ReadAsync(_pool, "tables.html", Html, HostileDocuments.HtmlDeepTables(100_000));
        Assert.Contains("deep", parsed.Sections.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_needing_more_memory_than_the_heap_limit_fails_with_the_memory_reason()
    {
        using var small = Pool(new DocumentParserOptions { MaxMemoryMegabytes = 64 });
        var text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Decisions are recorded as text. ", 500_000)));

        var rejected = await Assert.ThrowsAsync<DocumentRejectedException>(() => ReadAsync(small, "huge.txt", DocumentMediaTypes.PlainText, text));

        Assert.Equal("the document needs more than 64 MB of memory to read", rejected.Message);
    }

    [Fact]
    public async Task A_document_outrunning_the_wall_clock_limit_is_killed_and_says_so()
    {
        using var slow = Pool(new DocumentParserOptions { MaxCpuSecondsPerDocument = 600, MaxTimePerDocument = TimeSpan.FromSeconds(1.5) });
        var clock = Stopwatch.StartNew();

        var rejected = await Assert.ThrowsAsync<DocumentRejectedException>(() => ReadAsync(slow, "deep.html", Html, HostileDocuments.HtmlDeepElements(1_000_000)));

        Assert.Equal("the document took longer than 1.5 s to read", rejected.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_a_read_kills_its_process_at_once()
    {
        using var slow = Pool(new DocumentParserOptions { MaxCpuSecondsPerDocument = 600, MaxTimePerDocument = TimeSpan.FromMinutes(5) });
        await ReadAsync(slow, "warm.pdf", Pdf, SampleDocuments.Pdf(1));
        var parser = Assert.Single(ParserProcessesOfThisProcess());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadAsync(slow, "deep.html", Html, HostileDocuments.HtmlDeepElements(1_000_000), cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.True(parser.WaitForExit(TimeSpan.FromSeconds(2)), "the parser process still runs after the cancel");
    }

    [Fact]
    public async Task A_process_is_reused_for_ordinary_documents_and_replaced_after_its_quota()
    {
        using var pool = Pool(new DocumentParserOptions { MaxProcesses = 1, DocumentsPerProcess = 3 });
        for (var i = 0; i < 7; i++)
        {
            await ReadAsync(pool, "notes.md", Markdown, System.Text.Encoding.UTF8.GetBytes(SampleDocuments.Markdown()));
        }

        Assert.Equal(3, pool.ProcessesStarted);
    }

    [Fact]
    public async Task The_parser_process_sees_none_of_the_silo_s_environment()
    {
        Environment.SetEnvironmentVariable("ADRPLATFORM_TEST_SECRET", "s3cret");
        using var pool = Pool(new DocumentParserOptions());
        await ReadAsync(pool, "notes.md", Markdown, System.Text.Encoding.UTF8.GetBytes(SampleDocuments.Markdown()));
        var parser = Assert.Single(ParserProcessesOfThisProcess());

        var environment = await File.ReadAllTextAsync($"/proc/{parser.Id}/environ");

        Assert.DoesNotContain("s3cret", environment, StringComparison.Ordinal);
        Assert.Contains("DOTNET_GCHeapHardLimit=", environment, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_parser_is_refused()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Pool(new DocumentParserOptions { ExecutablePath = "/nonexistent/parser.dll" }));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _pool.Dispose();

    internal static ParserProcessPool Pool(DocumentParserOptions options) =>
        new(Options.Create(options), NullLogger<ParserProcessPool>.Instance);

    private static Task<ParsedDocument> ReadAsync(ParserProcessPool pool, string name, string mediaType, byte[] content, CancellationToken cancellationToken = default) =>
        pool.ReadAsync(new ParseRequest(name, mediaType, DocumentLimits.Default), content, cancellationToken);

    private static byte[] Generate(string name) => name switch
    {
        "pdf-page-tree-200000-deep" => HostileDocuments.PdfDeepPageTree(200_000),
        "pdf-page-tree-cycle" => HostileDocuments.PdfPageTreeCycle(),
        "pdf-two-billion-pages" => HostileDocuments.PdfHugePageCount(),
        "pdf-1-gib-flate-bomb" => HostileDocuments.PdfFlateBomb(1L << 30),
        "docx-100000-content-controls" => HostileDocuments.DocxDeepContentControls(100_000),
        "docx-100000-nested-tables" => HostileDocuments.DocxDeepTables(100_000),
        "docx-billion-laughs" => HostileDocuments.DocxEntityExpansion(),
        "docx-zip-bomb" => SampleDocuments.DocxZipBomb(),
        "html-1000000-nested-elements" => HostileDocuments.HtmlDeepElements(1_000_000),
        "markdown-100000-quotes" => HostileDocuments.MarkdownDeepQuotes(100_000),
        "markdown-100000-lists" => HostileDocuments.MarkdownDeepLists(100_000),
        "markdown-100000-brackets" => HostileDocuments.MarkdownDeepBrackets(100_000),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such hostile document"),
    };

    /// <summary>This test process's children running the parser.</summary>
    private static List<Process> ParserProcessesOfThisProcess()
    {
        var self = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [.. Process.GetProcesses().Where(p =>
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{p.Id}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return fields[1] == self && File.ReadAllText($"/proc/{p.Id}/cmdline").Contains("AdrPlatform.DocumentParser.dll", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
        })];
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ParserProcessesRunAlone
{
    public const string Name = "parser processes";
}
