using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Ports;

namespace AdrPlatform.Integration.Tests.Stores;

public sealed class InMemoryDocumentIndexTests : DocumentIndexContract
{
    protected override IDocumentIndex Index { get; } = new InMemoryDocumentIndex();
}
