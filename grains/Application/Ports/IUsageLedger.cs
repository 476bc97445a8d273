namespace AdrPlatform.Ports;

/// <summary>One settled chat answer: who, which model, the tokens and the money.</summary>
public sealed record UsageEntry(string MessageId, string User, string Model, int PromptTokens, int CompletionTokens, decimal CostUsd, DateTimeOffset At);

/// <summary>The tenant-scoped, append-only record of settled usage, for reports and audits. Recording a message twice keeps the first.</summary>
public interface IUsageLedger
{
    Task RecordAsync(string tenant, UsageEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<UsageEntry>> ListAsync(string tenant, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
