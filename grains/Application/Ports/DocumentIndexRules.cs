using AdrPlatform.Errors;
using AdrPlatform.Ports;

namespace AdrPlatform.Ports;

/// <summary>
/// The argument checks and refusals every <see cref="IDocumentIndex"/> adapter shares, so they fail alike.
/// Steps that arrive for a document that is no longer declared, or for a chunk a re-declaration dropped,
/// are ignored rather than refused: with at-least-once delivery they are the late steps of a cancelled or
/// retried ingestion, and must neither fail nor bring anything back.
/// </summary>
public static class DocumentIndexRules
{
    public static void ValidateDeclaration(IndexedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(document.DocumentId);
        ArgumentNullException.ThrowIfNull(document.Name);
        ArgumentNullException.ThrowIfNull(document.MediaType);
        ArgumentNullException.ThrowIfNull(document.JobId);
        ArgumentOutOfRangeException.ThrowIfNegative(document.ChunkCount);
    }

    /// <summary>Chunks must fall inside the declared count, so a complete document is exactly indices [0, ChunkCount).</summary>
    public static void ValidateChunks(string documentId, int chunkCount, IReadOnlyList<DocumentChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            ArgumentNullException.ThrowIfNull(chunk);
            ArgumentNullException.ThrowIfNull(chunk.Heading);
            ArgumentNullException.ThrowIfNull(chunk.Text);
            if (chunk.Index < 0 || chunk.Index >= chunkCount)
            {
                throw AdrPlatformException.Invalid($"Chunk {chunk.Index} is outside document '{documentId}', declared with {chunkCount} chunks.");
            }
        }
    }

    public static void ValidateEmbeddings(IReadOnlyList<(int Index, ReadOnlyMemory<float> Vector)> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        foreach (var (index, vector) in embeddings)
        {
            if (vector.IsEmpty)
            {
                throw AdrPlatformException.Invalid($"The embedding of chunk {index} is empty.");
            }
        }
    }

    public static void ValidateRange(int from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
    }

    public static AdrPlatformException Incomplete(string documentId, int stored, int declared) =>
        AdrPlatformException.Precondition($"Document '{documentId}' has {stored} of its {declared} chunks; it cannot be searchable yet.");
}
