using AdrPlatform.Adapters.Documents;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace AdrPlatform.Domain.Tests.Documents;

public class DocumentParsingRegistrationTests
{
    [Fact]
    public void The_reader_and_a_parser_per_supported_type_are_singletons()
    {
        var limits = DocumentLimits.Default with { MaxPages = 1 };
        using var provider = new ServiceCollection().AddDocumentParsing(limits).AddDocumentParsing().BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<DocumentReader>(), provider.GetRequiredService<DocumentReader>());
        Assert.Same(limits, provider.GetRequiredService<DocumentLimits>());
        Assert.Equal(
            DocumentMediaTypes.All.Order(StringComparer.Ordinal),
            provider.GetServices<IDocumentParser>().SelectMany(parser => parser.MediaTypes).Order(StringComparer.Ordinal));
        Assert.Throws<DocumentRejectedException>(() =>
            provider.GetRequiredService<DocumentReader>().Read("a.pdf", DocumentMediaTypes.Pdf, SampleDocuments.Pdf(2), CancellationToken.None));
    }
}
