namespace AdrPlatform.Domain.Documents;

/// <summary>The media types documents can be uploaded as, and how declared media types are read.</summary>
public static class DocumentMediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";
    public const string PlainText = "text/plain";

    /// <summary>How much of a media type is echoed into a message or a log line: all of any supported one (DOCX's is 71 characters).</summary>
    public const int MaxEchoedLength = 128;

    public static IReadOnlyList<string> All { get; } = [Pdf, Docx, Html, Markdown, PlainText];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["application/x-pdf"] = Pdf,
        ["application/xhtml+xml"] = Html,
        ["text/x-markdown"] = Markdown,
        ["text/md"] = Markdown,
        ["text/x-md"] = Markdown,
    };

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf,
        [".docx"] = Docx,
        [".html"] = Html,
        [".htm"] = Html,
        [".md"] = Markdown,
        [".markdown"] = Markdown,
        [".txt"] = PlainText,
        [".text"] = PlainText,
    };

    /// <summary>The lower-case type without parameters ("Text/Markdown; charset=utf-8" → "text/markdown"), aliases mapped to the supported name.</summary>
    public static string Normalize(string? mediaType)
    {
        var essence = (mediaType ?? string.Empty).Split(';', 2)[0].Trim().ToLowerInvariant();
        return Aliases.GetValueOrDefault(essence, essence);
    }

    public static bool IsSupported(string? mediaType) => All.Contains(Normalize(mediaType));

    /// <summary>The supported media type a file name's extension stands for, or null.</summary>
    public static string? FromFileName(string? fileName) =>
        Extensions.GetValueOrDefault(Path.GetExtension(fileName ?? string.Empty));
}
