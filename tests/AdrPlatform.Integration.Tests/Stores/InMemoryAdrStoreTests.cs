using AdrPlatform.Adapters.InMemory;
using AdrPlatform.Ports;

namespace AdrPlatform.Integration.Tests.Stores;

public sealed class InMemoryAdrStoreTests : AdrStoreContract
{
    protected override IAdrStore Store { get; } = new InMemoryAdrStore();
}
