namespace AdrPlatform.Integration.Tests.Infrastructure;

/// <summary>The front silo logging at Information, as it does by default outside the tests, so <see cref="GatewayHost.Logs"/> holds what an operator would read.</summary>
public sealed class InformationLogsGatewayHost() : GatewayHost(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
