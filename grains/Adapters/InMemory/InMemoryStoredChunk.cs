namespace AdrPlatform.Adapters.InMemory;

/// <summary>
/// A stored passage; <see cref="Embedding"/> (and the <see cref="EmbeddingModel"/> that made it) is null until set,
/// and is dropped when the passage's text changes.
/// </summary>
internal sealed record InMemoryStoredChunk(string Heading, string Text, float[]? Embedding, string? EmbeddingModel);
