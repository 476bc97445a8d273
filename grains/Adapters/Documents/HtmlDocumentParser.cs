using System.Text;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AdrPlatform.Adapters.Documents;

/// <summary>
/// Reads an HTML page's visible body text: scripts, styles and page chrome (nav, header, footer) are dropped, h1 to h6
/// start sections, block elements are paragraphs and tables are a row per line. The title is the &lt;title&gt;, else the first h1.
/// </summary>
public sealed class HtmlDocumentParser : IDocumentParser
{
    private const string Removed = "script, style, noscript, template, nav, header, footer";

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "aside", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
        "figure", "figcaption", "hr", "address", "details", "summary", "form", "fieldset", "caption",
    };

    public IReadOnlyList<string> MediaTypes { get; } = [DocumentMediaTypes.Html];

    public ParsedDocument Parse(ReadOnlyMemory<byte> content, DocumentLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var document = new HtmlParser().ParseDocument(TextDecoding.Decode(content.Span));
        foreach (var element in document.QuerySelectorAll(Removed).ToList())
        {
            element.Remove();
        }

        var sections = new SectionBuilder(limits.MaxExtractedChars);
        new BodyWalker(sections, cancellationToken).Walk(document.Body);
        var title = DocumentText.CleanLine(document.Title ?? string.Empty);
        if (title.Length == 0)
        {
            title = DocumentText.CleanLine(document.QuerySelector("h1")?.TextContent ?? string.Empty);
        }

        return new ParsedDocument(title, sections.Build(), PageCount: 0);
    }

    /// <summary>Gathers inline text into the current paragraph and ends it at block boundaries.</summary>
    private sealed class BodyWalker(SectionBuilder sections, CancellationToken cancellationToken)
    {
        private readonly StringBuilder paragraph = new();

        public void Walk(INode? root)
        {
            if (root is not null)
            {
                Visit(root);
                EndParagraph();
            }
        }

        private void Visit(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    paragraph.Append(text.Data);
                }
                else if (child is IElement element)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    VisitElement(element);
                }
            }
        }

        private void VisitElement(IElement element)
        {
            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    EndParagraph();
                    sections.StartSection(element.TextContent);
                    break;
                case "br":
                    paragraph.Append('\n');
                    break;
                case "pre":
                    EndParagraph();
                    sections.AddParagraph(element.TextContent);
                    break;
                case "table" when element is IHtmlTableElement table:
                    EndParagraph();
                    sections.AddParagraph(string.Join('\n', table.Rows.Select(row =>
                        string.Join(" | ", row.Cells.Select(cell => DocumentText.CleanLine(cell.TextContent))))));
                    break;
                case var name when Blocks.Contains(name):
                    EndParagraph();
                    Visit(element);
                    EndParagraph();
                    break;
                default:
                    Visit(element);
                    break;
            }
        }

        private void EndParagraph()
        {
            sections.AddParagraph(paragraph.ToString());
            paragraph.Clear();
        }
    }
}
