using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Ports;

namespace AdrPlatform.Integration.Tests.Stores;

public sealed class InMemoryBlobStoreTests : BlobStoreContract
{
    protected override IBlobStore Store { get; } = new InMemoryBlobStore();
}
