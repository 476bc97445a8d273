using AdrPlatform.Adapters.Documents.Isolation;
using AdrPlatform.Domain.Documents;
using AdrPlatform.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdrPlatform.Adapters.Documents;

public static class DocumentParsingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the document limits (unless already registered) and the isolated <see cref="IDocumentReader"/>: a pool of
    /// parser processes configured by <see cref="DocumentParserOptions"/>, whose parser is found at start.
    /// </summary>
    public static IServiceCollection AddDocumentParsing(this IServiceCollection services, DocumentLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var documentLimits = limits ?? DocumentLimits.Default;
        documentLimits.Validate();
        services.TryAddSingleton(documentLimits);
        // Bound and checked with the other settings by the host; here only that the parser is where they say.
        services.AddOptions<DocumentParserOptions>().Validate(
            options =>
            {
                ParserLaunch.Resolve(options.ExecutablePath);
                return true;
            }).ValidateOnStart();
        services.TryAddSingleton<ParserProcessPool>();
        services.TryAddSingleton<IDocumentReader, IsolatedDocumentReader>();
        return services;
    }
}
