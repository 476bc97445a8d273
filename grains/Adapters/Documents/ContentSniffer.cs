using System.IO.Compression;

namespace AdrPlatform.Adapters.Documents;

/// <summary>Tells what an upload is from its bytes: magic numbers for PDF and ZIP, the opening tag for HTML, else text or binary.</summary>
public static class ContentSniffer
{
    // Readers accept a PDF header a little way into the file (after junk some generators write), so look beyond offset 0.
    private const int PdfHeaderWindow = 1024;
    private const int HtmlPrefixChars = 2048;

    private static readonly string[] HtmlOpenings = ["<!doctype html", "<html", "<head", "<body"];

    public static ContentKind Sniff(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes[..Math.Min(bytes.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0)
        {
            return ContentKind.Pdf;
        }

        if (bytes.StartsWith("PK\x03\x04"u8))
        {
            return IsDocx(content) ? ContentKind.Docx : ContentKind.Zip;
        }

        if (!TextDecoding.IsText(bytes))
        {
            return ContentKind.Binary;
        }

        return LooksLikeHtml(TextDecoding.Decode(bytes[..PrefixLength(bytes)])) ? ContentKind.Html : ContentKind.Text;
    }

    private static bool IsDocx(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var archive = new ZipArchive(ContentStreams.ReadOnly(content), ZipArchiveMode.Read);
            return archive.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>A prefix long enough to see the opening tag, cut where it can be decoded on its own.</summary>
    private static int PrefixLength(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= HtmlPrefixChars)
        {
            return bytes.Length;
        }

        if (bytes[0] is 0xFF or 0xFE)
        {
            return HtmlPrefixChars;
        }

        var end = HtmlPrefixChars;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80)
        {
            end--;
        }

        return end;
    }

    /// <summary>Starts, after white space, comments and an XML declaration, with a doctype or an html, head or body tag.</summary>
    private static bool LooksLikeHtml(string text)
    {
        var position = 0;
        while (true)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            var skipTo = text.AsSpan(position) switch
            {
                var rest when rest.StartsWith("<!--", StringComparison.Ordinal) => text.IndexOf("-->", position, StringComparison.Ordinal) + 3,
                var rest when rest.StartsWith("<?xml", StringComparison.Ordinal) => text.IndexOf("?>", position, StringComparison.Ordinal) + 2,
                _ => position,
            };
            if (skipTo < position + 2)
            {
                break;
            }

            position = skipTo;
        }

        var opening = text.AsSpan(position);
        foreach (var tag in HtmlOpenings)
        {
            if (opening.StartsWith(tag, StringComparison.OrdinalIgnoreCase)
                && (opening.Length == tag.Length || opening[tag.Length] is '>' or '/' || char.IsWhiteSpace(opening[tag.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
