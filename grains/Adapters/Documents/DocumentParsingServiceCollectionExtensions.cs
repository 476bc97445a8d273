using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdrPlatform.Adapters.Documents;

public static class DocumentParsingServiceCollectionExtensions
{
    /// <summary>Registers the limits (unless already registered), the PDF, DOCX, HTML, markdown and plain-text parsers and the <see cref="DocumentReader"/> over them, as singletons.</summary>
    public static IServiceCollection AddDocumentParsing(this IServiceCollection services, DocumentLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var documentLimits = limits ?? DocumentLimits.Default;
        documentLimits.Validate();
        services.TryAddSingleton(documentLimits);
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IDocumentParser, PdfDocumentParser>(),
            ServiceDescriptor.Singleton<IDocumentParser, DocxDocumentParser>(),
            ServiceDescriptor.Singleton<IDocumentParser, HtmlDocumentParser>(),
            ServiceDescriptor.Singleton<IDocumentParser, MarkdownDocumentParser>(),
            ServiceDescriptor.Singleton<IDocumentParser, PlainTextDocumentParser>(),
        ]);
        services.TryAddSingleton(sp => new DocumentReader(sp.GetServices<IDocumentParser>(), sp.GetRequiredService<DocumentLimits>()));
        return services;
    }
}
