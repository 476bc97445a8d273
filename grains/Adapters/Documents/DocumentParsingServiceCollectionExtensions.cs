using AdrPlatform.Adapters.Documents.Isolation;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdrPlatform.Adapters.Documents;

public static class DocumentParsingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the document limits (unless already registered) and the isolated <see cref="IDocumentReader"/>: a pool of
    /// parser processes configured by the "Ingestion:Parser" section, validated (and the parser found) at start.
    /// </summary>
    public static IServiceCollection AddDocumentParsing(this IServiceCollection services, IConfiguration? configuration, DocumentLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var documentLimits = limits ?? DocumentLimits.Default;
        documentLimits.Validate();
        services.TryAddSingleton(documentLimits);
        var parser = services.AddOptions<DocumentParserOptions>();
        if (configuration is not null)
        {
            parser.Bind(configuration.GetSection(DocumentParserOptions.Section));
        }

        parser.Validate(
            options =>
            {
                options.Validate();
                ParserLaunch.Resolve(options.ExecutablePath);
                return true;
            }).ValidateOnStart();
        services.TryAddSingleton<ParserProcessPool>();
        services.TryAddSingleton<IDocumentReader, IsolatedDocumentReader>();
        return services;
    }
}
