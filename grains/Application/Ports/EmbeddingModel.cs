namespace AdrPlatform.Ports;

/// <summary>
/// Identifies the configured embedding model's vector space. Stores keep it beside every vector; searches
/// compare only vectors of this model, and vectors of another one are re-embedded.
/// </summary>
public sealed record EmbeddingModel(string Id);
