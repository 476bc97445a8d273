using System.Text;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdrPlatform.Adapters.Documents;

/// <summary>
/// Reads markdown as plain text: headings start sections; paragraphs, list items, code blocks and tables (a row per line)
/// are paragraphs; front matter and HTML comments are dropped. The title is the first level-1 heading.
/// </summary>
public sealed class MarkdownDocumentParser : IDocumentParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseYamlFrontMatter().Build();

    public IReadOnlyList<string> MediaTypes { get; } = [DocumentMediaTypes.Markdown];

    public ParsedDocument Parse(ReadOnlyMemory<byte> content, DocumentLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var document = Markdown.Parse(TextDecoding.Decode(content.Span), Pipeline);
        var reader = new BlockReader(new SectionBuilder(limits.MaxExtractedChars), cancellationToken);
        reader.Read(document);
        return new ParsedDocument(reader.Title ?? string.Empty, reader.Sections.Build(), PageCount: 0);
    }

    private sealed class BlockReader(SectionBuilder sections, CancellationToken cancellationToken)
    {
        public SectionBuilder Sections => sections;

        public string? Title { get; private set; }

        public void Read(ContainerBlock container)
        {
            foreach (var block in container)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (block)
                {
                    case HeadingBlock heading:
                        var text = InlineText(heading.Inline);
                        if (heading.Level == 1)
                        {
                            Title ??= DocumentText.CleanLine(text);
                        }

                        sections.StartSection(text);
                        break;
                    case ParagraphBlock paragraph:
                        sections.AddParagraph(InlineText(paragraph.Inline));
                        break;
                    case YamlFrontMatterBlock:
                        break;
                    case HtmlBlock html when html.Type != HtmlBlockType.Comment:
                        sections.AddParagraph(HtmlText(html.Lines.ToString()));
                        break;
                    case CodeBlock code:
                        sections.AddParagraph(code.Lines.ToString());
                        break;
                    case Table table:
                        sections.AddParagraph(TableText(table));
                        break;
                    case ContainerBlock children:
                        Read(children);
                        break;
                }
            }
        }

        private static string TableText(Table table) =>
            string.Join('\n', table.OfType<TableRow>().Select(row =>
                string.Join(" | ", row.OfType<TableCell>().Select(cell =>
                    string.Join(' ', cell.OfType<ParagraphBlock>().Select(paragraph => InlineText(paragraph.Inline)))))));

        private static string HtmlText(string html)
        {
            using var document = new HtmlParser().ParseDocument(html);
            return document.Body?.TextContent ?? string.Empty;
        }

        private static string InlineText(ContainerInline? inlines)
        {
            var text = new StringBuilder();
            Append(inlines, text);
            return text.ToString();
        }

        private static void Append(ContainerInline? inlines, StringBuilder text)
        {
            for (var inline = inlines?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content);
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                    case LineBreakInline lineBreak:
                        text.Append(lineBreak.IsHard ? '\n' : ' ');
                        break;
                    case HtmlEntityInline entity:
                        text.Append(entity.Transcoded);
                        break;
                    case AutolinkInline autolink:
                        text.Append(autolink.Url);
                        break;
                    case ContainerInline container:
                        Append(container, text);
                        break;
                }
            }
        }
    }
}
