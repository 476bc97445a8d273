using Microsoft.Extensions.AI;

namespace AdrPlatform.Ports;

/// <summary>
/// Marks what an embedding request embeds. Retrieval models trained with an instruction for queries
/// (snowflake-arctic-embed) need to know a search query from a passage; other providers ignore the mark.
/// </summary>
public static class EmbeddingInputs
{
    public const string PurposeKey = "adrplatform.embedding.purpose";
    public const string QueryPurpose = "query";

    /// <summary>Options for embedding search queries (a new instance each time: options are mutable).</summary>
    public static EmbeddingGenerationOptions Query() => new() { AdditionalProperties = new() { [PurposeKey] = QueryPurpose } };

    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PurposeKey, out var purpose) == true && purpose is QueryPurpose;
}
