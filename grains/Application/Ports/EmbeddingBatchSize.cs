namespace AdrPlatform.Ports;

/// <summary>Passages the embedding model takes per request; ingestion asks for embeddings in batches of this many.</summary>
public sealed record EmbeddingBatchSize(int Passages);
