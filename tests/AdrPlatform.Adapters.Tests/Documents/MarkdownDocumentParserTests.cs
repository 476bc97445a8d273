using AdrPlatform.Domain.Documents;
using static AdrPlatform.Adapters.Tests.Documents.DocumentReaders;

namespace AdrPlatform.Adapters.Tests.Documents;

public class MarkdownDocumentParserTests
{
    [Fact]
    public void Headings_start_sections_and_markup_is_removed()
    {
        var document = Read("decisions.md", DocumentMediaTypes.Markdown, SampleDocuments.Markdown());

        Assert.Equal(SampleDocuments.DefaultTitle, document.Title);
        Assert.Equal(["Context", "Decision", "Consequences", "Options"], document.Sections.Select(section => section.Heading));
        Assert.Equal(SampleDocuments.AdrSections[2].Body, document.Sections[2].Text);
        Assert.Equal(
            $"The {SampleDocuments.MarkdownTerm} committee compared two options.\n\n" +
            "Wiki pages: cheap, but decisions drift from the code.\n\nMarkdown records: reviewed like code.\n\nadr new \"Record architecture decisions\"",
            document.Sections[3].Text);
        Assert.DoesNotContain("status: accepted", AllText(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_links_and_comments_are_read_as_text()
    {
        const string markdown = "## Options\n\n<!-- internal note -->\n\n| Option | Cost |\n|---|---|\n| [Wiki](https://wiki) | `low` |\n";
        var section = Assert.Single(Read("options.md", "text/x-markdown", markdown).Sections);

        Assert.Equal(new DocumentSection("Options", "Option | Cost\nWiki | low"), section);
    }
}
