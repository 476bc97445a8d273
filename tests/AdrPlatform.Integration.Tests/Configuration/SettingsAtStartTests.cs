using AdrPlatform.Integration.Tests.Infrastructure;

namespace AdrPlatform.Integration.Tests.Configuration;

/// <summary>A bad setting stops the front silo before it serves anything, with a message naming the key.</summary>
public class SettingsAtStartTests
{
    [Theory]
    [InlineData("Gateway:Port", "0", "The field Gateway:Port must be between 1 and 65535. (got 0)")]
    [InlineData("Gateway:Port", "many", "'Gateway:Port'")]
    [InlineData("Auth:Authority", "http://issuer.example", "Auth:Authority is http; use https, or set Auth:RequireHttpsMetadata=false")]
    [InlineData("Telemetry:TraceSampleRatio", "1.5", "Telemetry:TraceSampleRatio must be between 0 and 1")]
    [InlineData("Storage:Provider", "mysql", "Storage:Provider must be memory or postgres")]
    [InlineData("Streams:Kafka:MaxDeliveryAttempts", "0", "Streams:Kafka:MaxDeliveryAttempts must be positive")]
    [InlineData("Chat:MaxOutputTokens", "0", "The field Chat:MaxOutputTokens must be between 1 and 1000000. (got 0)")]
    [InlineData("Chat:Models:fast:Providers:0:Provider", "openai", "Chat:Models:fast:Providers:0:Endpoint must be an absolute URL for provider openai")]
    [InlineData("Chat:DefaultModel", "careful", "Chat:DefaultModel \"careful\" is not one of the aliases under Models (default)")]
    [InlineData("Embeddings:Provider", "cohere", "Embeddings:Provider must be onnx, hashing, openai or azure-openai")]
    [InlineData("Ingestion:ChunkOverlapChars", "900", "Ingestion:ChunkOverlapChars must be less than half of Ingestion:ChunkMaxChars (1200)")]
    [InlineData("Ingestion:Parser:MaxProcesses", "0", "The field Ingestion:Parser:MaxProcesses must be between 1 and 64. (got 0)")]
    [InlineData("Search:RrfK", "-1", "The field Search:RrfK must be between 1 and 10000. (got -1)")]
    public async Task The_host_refuses_to_start_and_names_the_setting(string key, string value, string expected)
    {
        var host = GatewayHost.With(new Dictionary<string, string?> { [key] = value });
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(host.InitializeAsync);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_bad_setting_of_a_section_is_reported_at_once()
    {
        var host = GatewayHost.With(new Dictionary<string, string?> { ["Ingestion:MaxUploadBytes"] = "0", ["Ingestion:MaxActiveJobsPerTenant"] = "0" });
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(host.InitializeAsync);
            Assert.Contains("Ingestion:MaxUploadBytes", error.Message, StringComparison.Ordinal);
            Assert.Contains("Ingestion:MaxActiveJobsPerTenant", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
