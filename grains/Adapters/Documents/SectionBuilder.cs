using System.Globalization;
using AdrPlatform.Domain.Documents;

namespace AdrPlatform.Adapters.Documents;

/// <summary>
/// Collects a document's paragraphs under their headings as clean text, refusing the document as soon as the
/// extracted text outgrows the limit. Sections without text are left out.
/// </summary>
internal sealed class SectionBuilder(int maxChars)
{
    private readonly List<DocumentSection> sections = [];
    private readonly List<string> paragraphs = [];
    private string heading = string.Empty;
    private long chars;

    public void StartSection(string sectionHeading)
    {
        Flush();
        heading = DocumentText.CleanLine(sectionHeading);
        Count(heading.Length);
    }

    public void AddParagraph(string text)
    {
        var clean = DocumentText.Clean(text);
        if (clean.Length > 0)
        {
            Count(clean.Length);
            paragraphs.Add(clean);
        }
    }

    public IReadOnlyList<DocumentSection> Build()
    {
        Flush();
        return sections;
    }

    private void Count(int length)
    {
        chars += length;
        if (chars > maxChars)
        {
            throw new DocumentRejectedException(string.Create(CultureInfo.InvariantCulture, $"the document has more than {maxChars:N0} characters of text"));
        }
    }

    private void Flush()
    {
        if (paragraphs.Count > 0)
        {
            sections.Add(new DocumentSection(heading, string.Join("\n\n", paragraphs)));
            paragraphs.Clear();
        }
    }
}
