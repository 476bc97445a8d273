using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace AdrPlatform.Tests.Support;

/// <summary>
/// Documents an attacker would upload, generated at run time (nothing hostile is committed): structures nested far
/// past any real document, decompression bombs, cycles and lies in the file's own bookkeeping.
/// </summary>
public static class HostileDocuments
{
    /// <summary>A PDF whose page tree is a chain of <paramref name="depth"/> /Pages nodes above its single page.</summary>
    public static byte[] PdfDeepPageTree(int depth)
    {
        var objects = new List<string>(depth + 2) { "<< /Type /Catalog /Pages 2 0 R >>" };
        for (var level = 0; level < depth; level++)
        {
            objects.Add($"<< /Type /Pages /Kids [{objects.Count + 2} 0 R] /Count 1 >>");
        }

        objects.Add($"<< /Type /Page /Parent {objects.Count} 0 R /MediaBox [0 0 612 792] >>");
        return HandWrittenPdf.Write([.. objects]);
    }

    /// <summary>A PDF whose page tree names itself as its own kid.</summary>
    public static byte[] PdfPageTreeCycle() =>
        HandWrittenPdf.Write(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]);

    /// <summary>A PDF that claims two billion pages.</summary>
    public static byte[] PdfHugePageCount() =>
        HandWrittenPdf.Write(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]);

    /// <summary>A one-page PDF whose content stream is <paramref name="inflatedBytes"/> of spaces, deflated (about a thousandth of that on disk).</summary>
    public static byte[] PdfFlateBomb(long inflatedBytes)
    {
        var stream = Zlib(inflatedBytes, (byte)' ');
        var streamText = Encoding.Latin1.GetString(stream);
        return HandWrittenPdf.Write(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            $"<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n{streamText}\nendstream",
        ]);
    }

    /// <summary>A DOCX whose body nests <paramref name="depth"/> content controls (w:sdt) around one paragraph.</summary>
    public static byte[] DocxDeepContentControls(int depth) =>
        Docx(Nested(depth, "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"));

    /// <summary>A DOCX whose body nests <paramref name="depth"/> tables, each in the one cell of the one above.</summary>
    public static byte[] DocxDeepTables(int depth) =>
        Docx(Nested(depth, "<w:tbl><w:tr><w:tc>", "<w:p/></w:tc></w:tr></w:tbl>", "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"));

    /// <summary>A DOCX whose document.xml declares a billion-laughs entity chain in a DTD.</summary>
    public static byte[] DocxEntityExpansion()
    {
        var dtd = new StringBuilder("<!DOCTYPE w:document [<!ENTITY l0 \"ha\">");
        for (var level = 1; level <= 10; level++)
        {
            dtd.Append(CultureInfo.InvariantCulture, $"<!ENTITY l{level} \"{string.Concat(Enumerable.Repeat($"&l{level - 1};", 10))}\">");
        }

        return Docx("<w:p><w:r><w:t>&l10;</w:t></w:r></w:p>", dtd.Append("]>").ToString());
    }

    /// <summary>An HTML page of <paramref name="depth"/> nested elements.</summary>
    public static byte[] HtmlDeepElements(int depth) =>
        Encoding.UTF8.GetBytes("<html><body>" + Nested(depth, "<div>", "</div>", "deep") + "</body></html>");

    /// <summary>An HTML page of <paramref name="depth"/> nested tables.</summary>
    public static byte[] HtmlDeepTables(int depth) =>
        Encoding.UTF8.GetBytes("<html><body>" + Nested(depth, "<table><tr><td>", "</td></tr></table>", "deep") + "</body></html>");

    /// <summary>Markdown of <paramref name="depth"/> nested block quotes.</summary>
    public static byte[] MarkdownDeepQuotes(int depth) => Encoding.UTF8.GetBytes("# Deep\n\n" + new string('>', depth) + " deep\n");

    /// <summary>Markdown of <paramref name="depth"/> nested list items on one line.</summary>
    public static byte[] MarkdownDeepLists(int depth) => Encoding.UTF8.GetBytes("# Deep\n\n" + string.Concat(Enumerable.Repeat("- ", depth)) + "deep\n");

    /// <summary>Markdown of <paramref name="depth"/> nested link brackets and emphasis, a JSON-like structure the inline parser must balance.</summary>
    public static byte[] MarkdownDeepBrackets(int depth) =>
        Encoding.UTF8.GetBytes("# Deep\n\n" + Nested(depth, "[*", "*](x)", "deep") + "\n");

    private static string Nested(int depth, string open, string close, string inner)
    {
        var text = new StringBuilder((open.Length + close.Length) * depth + inner.Length);
        for (var level = 0; level < depth; level++)
        {
            text.Append(open);
        }

        text.Append(inner);
        for (var level = 0; level < depth; level++)
        {
            text.Append(close);
        }

        return text.ToString();
    }

    private static byte[] Docx(string bodyXml, string doctype = "")
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Write(archive, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Write(archive, "word/document.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{doctype}<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{bodyXml}</w:body></w:document>");
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchive archive, string name, string content)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static byte[] Zlib(long bytes, byte fill)
    {
        var block = new byte[1024 * 1024];
        Array.Fill(block, fill);
        using var output = new MemoryStream();
        using (var compressor = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var written = 0L; written < bytes; written += block.Length)
            {
                compressor.Write(block, 0, (int)Math.Min(block.Length, bytes - written));
            }
        }

        return output.ToArray();
    }
}
