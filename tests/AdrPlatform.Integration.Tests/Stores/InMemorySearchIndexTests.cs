using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Ports;

namespace AdrPlatform.Integration.Tests.Stores;

public sealed class InMemorySearchIndexTests : SearchIndexContract
{
    protected override ISearchIndex Index { get; } = new InMemorySearchIndex();
}
