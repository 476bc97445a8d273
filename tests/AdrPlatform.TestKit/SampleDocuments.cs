using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace AdrPlatform.TestKit;

/// <summary>
/// Real documents, generated in memory with the same libraries the parsers use, plus broken and hostile ones.
/// Every PDF page mentions its own <see cref="PdfPageTerm"/> so a search can find that page and no other.
/// </summary>
public static class SampleDocuments
{
    public const string DefaultTitle = "Architecture decisions of the ordering platform";

    /// <summary>A word only the DOCX sample contains (in its last section).</summary>
    public const string DocxTerm = "marzipan";

    /// <summary>A word only the HTML sample contains (in its Options section).</summary>
    public const string HtmlTerm = "kaleidoscope";

    /// <summary>A word only the markdown sample contains (in its Options section).</summary>
    public const string MarkdownTerm = "pumpernickel";

    /// <summary>Words the HTML sample hides in its script, style, nav, header and footer; none may survive parsing.</summary>
    public const string HtmlNoise = "cookiebannerzzz";

    private const double PageMargin = 50;
    private const double BodyFontSize = 11;
    private const double HeadingFontSize = 18;
    private const double LineHeight = 14;
    private const int LineChars = 85;

    private static readonly string[] Terms =
    [
        "aquamarine", "basilisk", "cobblestone", "dragonfly", "everglade", "fjordland", "gossamer", "hollyhock", "ironwood", "juniper",
        "kestrel", "lighthouse", "marigold", "nightingale", "obsidian", "peppermint", "quicksilver", "rosewood", "sandpiper", "tamarind",
        "umbrella", "vermilion", "wisteria", "xylophone", "yellowtail", "zinnia", "amberjack", "bluebell", "chamomile", "driftwood",
    ];

    private static readonly string[] Topics =
    [
        "Store tenant data in PostgreSQL", "Record every change as an event", "Publish domain events through Kafka",
        "Serve the API over gRPC", "Cache read models per tenant", "Run grains on Orleans silos",
        "Embed passages for semantic search", "Rank results with reciprocal rank fusion", "Keep uploads immutable",
        "Limit every tenant with quotas",
    ];

    /// <summary>Context, Decision and Consequences of a realistic ADR; paragraphs are separated by blank lines.</summary>
    public static IReadOnlyList<(string Heading, string Body)> AdrSections { get; } =
    [
        ("Context",
            "The ordering platform stores decisions in several wikis. Engineers cannot find out why a service talks to the billing " +
            "database directly, and new joiners repeat old discussions.\n\n" +
            "We need one place where every architecture decision is written down, reviewed and searchable."),
        ("Decision",
            "We will record architecture decisions as short markdown documents in the repository of the system they affect. " +
            "Each record states its context, the decision and its consequences.\n\n" +
            "A decision is proposed in a pull request and accepted when two maintainers approve it."),
        ("Consequences",
            "Decisions are versioned with the code and reviewed like code. Superseded decisions stay in place and link to their " +
            "successor, so the history remains readable.\n\n" +
            "Writing a record takes about an hour, which the team accepts as the price of fewer repeated debates."),
    ];

    /// <summary>The word only page <paramref name="page"/> (1-based) of <see cref="Pdf"/> contains.</summary>
    public static string PdfPageTerm(int page)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page);
        var index = page - 1;
        return index < Terms.Length ? Terms[index] : Terms[index % Terms.Length] + Terms[index / Terms.Length % Terms.Length];
    }

    /// <summary>The heading of page <paramref name="page"/> of <see cref="Pdf"/> (set in a larger font than the body).</summary>
    public static string PageHeading(int page) =>
        string.Create(CultureInfo.InvariantCulture, $"Decision {page}: {Topics[(page - 1) % Topics.Length]}");

    /// <summary>
    /// A text PDF in Helvetica: each page has a heading in a larger font, two paragraphs of body text mentioning
    /// <see cref="PdfPageTerm"/>, and the word "maintainability" hyphenated across a line break. With
    /// <paramref name="bodyRepeats"/> above 1 the body is written that many times, for pages as full as a real report's.
    /// </summary>
    public static byte[] Pdf(int pages, string? title = DefaultTitle, int bodyRepeats = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bodyRepeats);
        var builder = new PdfDocumentBuilder();
        var body = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        for (var page = 1; page <= pages; page++)
        {
            var pageBuilder = builder.AddPage(PdfPageSize.A4);
            var y = pageBuilder.PageSize.Height - PageMargin - HeadingFontSize;
            pageBuilder.AddText(PageHeading(page), HeadingFontSize, new PdfPoint(PageMargin, y), bold);
            y -= HeadingFontSize * 2;
            foreach (var paragraph in Enumerable.Repeat(PageParagraphs(page), bodyRepeats).SelectMany(p => p))
            {
                foreach (var line in paragraph)
                {
                    pageBuilder.AddText(line, BodyFontSize, new PdfPoint(PageMargin, y), body);
                    y -= LineHeight;
                }

                y -= LineHeight * 1.5;
            }
        }

        return builder.Build();
    }

    /// <summary>The text of page <paramref name="page"/>'s body paragraphs as written, lines joined by spaces and de-hyphenated.</summary>
    public static IReadOnlyList<string> PdfPageParagraphs(int page) =>
        [.. PageParagraphs(page).Select(lines => string.Join(' ', lines).Replace("maintain- ability", "maintainability", StringComparison.Ordinal))];

    /// <summary>A PDF whose only page has a drawn frame and no text, as a scan without OCR looks to a text extractor.</summary>
    public static byte[] ScannedPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PdfPageSize.A4);
        page.DrawRectangle(new PdfPoint(PageMargin, PageMargin), 400, 600, 2, fill: true);
        return builder.Build();
    }

    /// <summary>A PDF header followed by a truncated object: no cross-reference table, no trailer.</summary>
    public static byte[] CorruptPdf() =>
        Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n2 0 obj\n<< /Type /Pages /Kids [3 0");

    /// <summary>
    /// A hand-written PDF whose trailer has a standard-security /Encrypt dictionary. PdfPig cannot write encryption;
    /// the O and U entries match no password (not even the empty one), so PdfPig refuses it as encrypted.
    /// </summary>
    public static byte[] EncryptedPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{new string('A', 64)}> /U <{new string('B', 64)}> /P -44 >>",
        ];
        const string id = "<0123456789ABCDEF0123456789ABCDEF>";
        return HandWrittenPdf.Write(objects, $"/Encrypt 4 0 R /ID [{id} {id}] ");
    }

    /// <summary>A Word document: a Title-styled title, Heading1-styled section headings, body paragraphs and (optionally) a table at the end.</summary>
    public static byte[] Docx(string title = DefaultTitle, IReadOnlyList<(string Heading, string Body)>? sections = null, bool withTable = true)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                ParagraphStyle("Title", "Title"), ParagraphStyle("Heading1", "heading 1"), ParagraphStyle("Heading2", "heading 2"));
            var body = new Body();
            body.Append(StyledParagraph("Title", title));
            foreach (var (heading, text) in sections ?? AdrSections)
            {
                body.Append(StyledParagraph("Heading1", heading));
                foreach (var paragraph in Paragraphs(text))
                {
                    body.Append(new Paragraph(new Run(new Text(paragraph))));
                }
            }

            body.Append(new Paragraph(new Run(new Text($"The {DocxTerm} committee signed this record off."))));

            if (withTable)
            {
                body.Append(StyledParagraph("Heading1", "Options"));
                body.Append(new Table(
                    Row("Option", "Cost", "Risk"),
                    Row("Wiki pages", "Low", "Decisions drift from the code"),
                    Row("Markdown records", "Low", "Needs review discipline")));
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A zip with a [Content_Types].xml and a word/document.xml of <paramref name="uncompressedBytes"/> repeated bytes:
    /// about 1000 times smaller compressed. Written in 1 MiB blocks, so only the compressed bytes are ever held.
    /// </summary>
    public static byte[] DocxZipBomb(long uncompressedBytes = 200L * 1024 * 1024)
    {
        var block = new byte[1024 * 1024];
        Array.Fill(block, (byte)' ');
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var contentTypes = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open()))
            {
                contentTypes.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using var documentXml = archive.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            for (var written = 0L; written < uncompressedBytes; written += block.Length)
            {
                documentXml.Write(block, 0, (int)Math.Min(block.Length, uncompressedBytes - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A full HTML page: &lt;title&gt;, an h1 with the title, h2 sections with paragraphs, a list and a table, and
    /// script, style, nav, header and footer that all contain <see cref="HtmlNoise"/>.
    /// </summary>
    public static string Html(string title = DefaultTitle, IReadOnlyList<(string Heading, string Body)>? sections = null)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{WebUtility.HtmlEncode(title)}</title>\n");
        html.Append(CultureInfo.InvariantCulture, $"<style>body {{ font-family: sans-serif; }} .{HtmlNoise} {{ display: none; }}</style>\n");
        html.Append(CultureInfo.InvariantCulture, $"<script>window.{HtmlNoise} = true;</script>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header><a href=\"/\">Home</a> {HtmlNoise}</header>\n<nav><ul><li><a href=\"/adrs\">All decisions {HtmlNoise}</a></li></ul></nav>\n");
        html.Append(CultureInfo.InvariantCulture, $"<main>\n<h1>{WebUtility.HtmlEncode(title)}</h1>\n");
        foreach (var (heading, body) in sections ?? AdrSections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{WebUtility.HtmlEncode(heading)}</h2>\n");
            foreach (var paragraph in Paragraphs(body))
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(paragraph)}</p>\n");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Options</h2>\n<p>The {HtmlTerm} committee compared two options.</p>\n<ul><li>Wiki pages</li><li>Markdown records</li></ul>\n");
        html.Append("<table><tr><th>Option</th><th>Cost</th></tr><tr><td>Wiki pages</td><td>Low</td></tr></table>\n</main>\n");
        html.Append(CultureInfo.InvariantCulture, $"<footer>© 2024 Example Corp {HtmlNoise}</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Markdown with front matter, a level-1 title, level-2 sections, a list and a fenced code block.</summary>
    public static string Markdown(string title = DefaultTitle, IReadOnlyList<(string Heading, string Body)>? sections = null)
    {
        var markdown = new StringBuilder();
        markdown.Append(CultureInfo.InvariantCulture, $"---\nstatus: accepted\n---\n\n# {title}\n\n");
        foreach (var (heading, body) in sections ?? AdrSections)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"## {heading}\n\n{body}\n\n");
        }

        markdown.Append(CultureInfo.InvariantCulture, $"## Options\n\nThe {MarkdownTerm} committee compared two options.\n\n- **Wiki pages**: cheap, but decisions drift from the code.\n- *Markdown records*: reviewed like code.\n\n");
        markdown.Append("```bash\nadr new \"Record architecture decisions\"\n```\n");
        return markdown.ToString();
    }

    private static List<List<string>> PageParagraphs(int page)
    {
        var term = PdfPageTerm(page);
        var topic = Topics[(page - 1) % Topics.Length];
        var first = Wrap(
            $"This page records decision {page.ToString(CultureInfo.InvariantCulture)}: {topic.ToLowerInvariant()}. " +
            $"The {term} working group compared three alternatives over two weeks and weighed operational cost, " +
            "team experience and the risk of lock-in. Each alternative was prototyped against the real workload " +
            "before the group made its recommendation.");
        first.Add("The group expects the choice to improve the long-term maintain-");
        first.Add($"ability of the platform, and the {term} review will revisit it after one year.");
        var second = Wrap(
            "Consequences: the teams that own the affected services update their runbooks. " +
            "Monitoring dashboards gain panels for the new components, and the on-call rotation is trained before the rollout.");
        return [first, second];
    }

    private static List<string> Wrap(string text)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LineChars)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static string[] Paragraphs(string body) => body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Style ParagraphStyle(string id, string name) =>
        new(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };

    private static Paragraph StyledParagraph(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text)));

    private static TableRow Row(params string[] cells) =>
        new(cells.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell))))));
}
