using AdrPlatform.Ports;

namespace AdrPlatform.Adapters.InMemory;

internal sealed class InMemoryStoredDocument(IndexedDocument info)
{
    public IndexedDocument Info { get; } = info;

    public bool Searchable { get; set; }

    public SortedDictionary<int, InMemoryStoredChunk> Chunks { get; } = [];
}
