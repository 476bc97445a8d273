using AdrPlatform.Adapters.Embeddings;

namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>The real front silo with the embedded default's embedding model (not the test hosts' hashing double).</summary>
public sealed class EmbeddedDefaultGatewayHost() : GatewayHost(new Dictionary<string, string?> { ["Embeddings:Provider"] = Provider })
{
    public static string Provider => new EmbeddingOptions().Provider;
}
