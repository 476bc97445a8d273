namespace AdrPlatform.Adapters.InMemory;

/// <summary>A passage's identity within a tenant; ordered ordinally so equal scores rank the same on every machine.</summary>
internal readonly record struct DocumentChunkKey(string DocumentId, int Index) : IComparable<DocumentChunkKey>
{
    public int CompareTo(DocumentChunkKey other)
    {
        var byDocument = string.CompareOrdinal(DocumentId, other.DocumentId);
        return byDocument != 0 ? byDocument : Index.CompareTo(other.Index);
    }
}
