using AdrPlatform.Domain.Documents;
using static AdrPlatform.Adapters.Tests.Documents.DocumentReaders;

namespace AdrPlatform.Adapters.Tests.Documents;

public class HtmlDocumentParserTests
{
    [Fact]
    public void Headings_start_sections_and_page_chrome_is_dropped()
    {
        var document = Read("decisions.html", DocumentMediaTypes.Html, SampleDocuments.Html());

        Assert.Equal(SampleDocuments.DefaultTitle, document.Title);
        Assert.Equal(["Context", "Decision", "Consequences", "Options"], document.Sections.Select(section => section.Heading));
        Assert.Equal(SampleDocuments.AdrSections[0].Body, document.Sections[0].Text);
        Assert.Equal(
            $"The {SampleDocuments.HtmlTerm} committee compared two options.\n\nWiki pages\n\nMarkdown records\n\nOption | Cost\nWiki pages | Low",
            document.Sections[3].Text);
        Assert.DoesNotContain(SampleDocuments.HtmlNoise, AllText(document), StringComparison.Ordinal);
        Assert.DoesNotContain("Home", AllText(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_title_element_the_first_h1_is_the_title()
    {
        var document = Read("page.html", DocumentMediaTypes.Html, "<html><body><h1>Use  Kafka</h1><p>Events are published.<br>Consumers are idempotent.</p></body></html>");

        Assert.Equal("Use Kafka", document.Title);
        var section = Assert.Single(document.Sections);
        Assert.Equal(new DocumentSection("Use Kafka", "Events are published.\nConsumers are idempotent."), section);
    }

    [Fact]
    public void An_html_fragment_declared_as_html_is_read() =>
        Assert.Equal("Just a paragraph.", Read("fragment.html", "text/html; charset=utf-8", "<p>Just a <b>paragraph</b>.</p>").Sections[0].Text);
}
