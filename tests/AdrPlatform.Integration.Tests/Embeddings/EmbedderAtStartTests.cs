using AdrPlatform.Integration.Tests.Infrastructure;

namespace AdrPlatform.Integration.Tests.Embeddings;

public class EmbedderAtStartTests(InformationLogsGatewayHost host) : IClassFixture<InformationLogsGatewayHost>
{
    [Fact]
    public void The_log_says_once_at_start_which_embedder_is_in_use()
    {
        var line = Assert.Single(host.Logs.Entries, e => e.Message.StartsWith("Embeddings: provider", StringComparison.Ordinal));
        Assert.Equal("Embeddings: provider hashing, model adrplatform-hashing-v1/384", line.Message);
    }
}
