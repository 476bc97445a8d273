using AdrPlatform.Ports;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AdrPlatform.Adapters.Postgres;

public sealed class PostgresUsageLedger(NpgsqlDataSource dataSource, ILogger<PostgresUsageLedger> logger) : IUsageLedger
{
    public Task RecordAsync(string tenant, UsageEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return TenantSession.RunAsync(dataSource, tenant, async session =>
        {
            await using var insert = session.Command("""
                insert into usage_ledger (tenant, message_id, user_id, model, prompt_tokens, completion_tokens, cost_usd, at)
                values (@tenant, @message_id, @user_id, @model, @prompt_tokens, @completion_tokens, @cost_usd, @at)
                on conflict do nothing
                """);
            insert.Parameters.AddWithValue("tenant", tenant);
            insert.Parameters.AddWithValue("message_id", entry.MessageId);
            insert.Parameters.AddWithValue("user_id", entry.User);
            insert.Parameters.AddWithValue("model", entry.Model);
            insert.Parameters.AddWithValue("prompt_tokens", entry.PromptTokens);
            insert.Parameters.AddWithValue("completion_tokens", entry.CompletionTokens);
            insert.Parameters.AddWithValue("cost_usd", entry.CostUsd);
            insert.Parameters.AddWithValue("at", entry.At);
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }, logger, cancellationToken);
    }

    public Task<IReadOnlyList<UsageEntry>> ListAsync(string tenant, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        TenantSession.RunAsync<IReadOnlyList<UsageEntry>>(dataSource, tenant, async session =>
        {
            await using var query = session.Command("""
                select message_id, user_id, model, prompt_tokens, completion_tokens, cost_usd, at from usage_ledger
                where at >= @from and at < @to order by at, message_id
                """);
            query.Parameters.AddWithValue("from", since);
            query.Parameters.AddWithValue("to", until);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            var entries = new List<UsageEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new UsageEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                    reader.GetDecimal(5), reader.GetFieldValue<DateTimeOffset>(6)));
            }

            return entries;
        }, logger, cancellationToken);
}
