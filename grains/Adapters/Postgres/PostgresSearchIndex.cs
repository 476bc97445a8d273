using AdrPlatform.Domain.Search;
using AdrPlatform.Errors;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace AdrPlatform.Adapters.Postgres;

/// <summary>
/// ADR passages in PostgreSQL: <c>websearch_to_tsquery</c> ranked with <c>ts_rank_cd</c> over a GIN
/// index for full text, pgvector cosine distance over an HNSW index for meaning. Row-level security
/// scopes every statement to the session's tenant.
/// </summary>
public sealed class PostgresSearchIndex(NpgsqlDataSource dataSource, ILogger<PostgresSearchIndex> logger) : ISearchIndex
{
    private const string HitColumns = "number, chunk_index, title, status, heading, body";

    private const string FilterSql = """
            (cardinality(@statuses) = 0 or status = any(@statuses))
            and tags @> @tags
            and (@author is null or lower(created_by) = lower(@author) or lower(@author) = any(select lower(d) from unnest(deciders) d))
            and (@decided_from is null or decided >= @decided_from)
            and (@decided_to is null or decided <= @decided_to)
            """;

    public Task ReplaceAsync(string tenant, SearchDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(chunks);
        return Run(tenant, async session =>
        {
            await using (var newer = session.Command("select coalesce(max(version), 0) from adr_chunks where number = @number"))
            {
                newer.Parameters.AddWithValue("number", document.Number);
                if ((int)(await newer.ExecuteScalarAsync(cancellationToken))! > document.Version)
                {
                    return false;
                }
            }

            await Delete(session, document.Number, cancellationToken);
            var batch = new NpgsqlBatch(session.Connection, session.Transaction);
            await using (batch)
            {
                foreach (var chunk in chunks)
                {
                    var insert = new NpgsqlBatchCommand("""
                        insert into adr_chunks (tenant, number, chunk_index, version, title, status, tags, created_by, deciders, decided, heading, body, embedding, embedding_model)
                        values (@tenant, @number, @chunk_index, @version, @title, @status, @tags, @created_by, @deciders, @decided, @heading, @body, @embedding, @embedding_model)
                        """);
                    insert.Parameters.AddWithValue("tenant", tenant);
                    insert.Parameters.AddWithValue("number", document.Number);
                    insert.Parameters.AddWithValue("chunk_index", chunk.Index);
                    insert.Parameters.AddWithValue("version", document.Version);
                    insert.Parameters.AddWithValue("title", document.Title);
                    insert.Parameters.AddWithValue("status", (short)document.Status);
                    insert.Parameters.AddWithValue("tags", document.Tags.ToArray());
                    insert.Parameters.AddWithValue("created_by", document.CreatedBy);
                    insert.Parameters.AddWithValue("deciders", document.Deciders.ToArray());
                    insert.Parameters.AddWithValue("decided", document.Decided);
                    insert.Parameters.AddWithValue("heading", chunk.Heading);
                    insert.Parameters.AddWithValue("body", chunk.Text);
                    insert.Parameters.AddWithValue("embedding", new Vector(chunk.Embedding));
                    insert.Parameters.AddWithValue("embedding_model", chunk.EmbeddingModel);
                    batch.BatchCommands.Add(insert);
                }

                if (batch.BatchCommands.Count > 0)
                {
                    await batch.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            return true;
        }, cancellationToken);
    }

    public Task RemoveAsync(string tenant, int number, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            await Delete(session, number, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<ChunkHit>> LexicalAsync(string tenant, string query, SearchFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Run(tenant, async session =>
        {
            await using var command = session.Command($"""
                select {HitColumns}, ts_rank_cd(search_text, {PostgresFullText.Query}) as score
                from (
                    select {HitColumns}, search_text
                    from adr_chunks
                    where search_text @@ {PostgresFullText.Query} and {FilterSql}
                    limit @ranked) matched
                order by score desc, number, chunk_index
                limit @limit
                """);
            command.Parameters.AddWithValue("query", query);
            command.Parameters.AddWithValue("ranked", PostgresFullText.MaxRankedMatches);
            command.Parameters.AddWithValue("limit", limit);
            AddFilter(command, filter);
            return await ReadHits(command, cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ChunkHit>> SemanticAsync(
        string tenant, ReadOnlyMemory<float> vector, string model, SearchFilter filter, int? excludeNumber, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Run(tenant, async session =>
        {
            // Ordered by distance alone, so the HNSW index serves it; iterative scan keeps walking the graph
            // until enough rows pass the tenant and filter conditions.
            await using (var scan = session.Command("set local hnsw.iterative_scan = relaxed_order"))
            {
                await scan.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = session.Command($"""
                select {HitColumns}, 1 - (embedding <=> @vector) as score
                from adr_chunks
                where embedding_model = @model and (@exclude is null or number <> @exclude) and {FilterSql}
                order by embedding <=> @vector
                limit @limit
                """);
            command.Parameters.AddWithValue("vector", new Vector(vector));
            command.Parameters.AddWithValue("model", model);
            command.Parameters.Add(new NpgsqlParameter("exclude", NpgsqlDbType.Integer) { Value = (object?)excludeNumber ?? DBNull.Value });
            command.Parameters.AddWithValue("limit", limit);
            AddFilter(command, filter);
            return await ReadHits(command, cancellationToken);
        }, cancellationToken);
    }

    public Task<float[]?> AdrVectorAsync(string tenant, int number, string model, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            await using var command = session.Command("select avg(embedding) from adr_chunks where number = @number and embedding_model = @model");
            command.Parameters.AddWithValue("number", number);
            command.Parameters.AddWithValue("model", model);
            if (await command.ExecuteScalarAsync(cancellationToken) is not Vector mean)
            {
                return null;
            }

            var values = mean.ToArray();
            VectorMath.Normalize(values);
            return values;
        }, cancellationToken);

    public Task<IReadOnlyList<int>> StaleAsync(string tenant, string model, int limit, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            await using var command = session.Command("select distinct number from adr_chunks where embedding_model <> @model order by number limit @limit");
            command.Parameters.AddWithValue("model", model);
            command.Parameters.AddWithValue("limit", limit);
            var numbers = new List<int>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                numbers.Add(reader.GetInt32(0));
            }

            return (IReadOnlyList<int>)numbers;
        }, cancellationToken);

    private static async Task Delete(TenantSession session, int number, CancellationToken cancellationToken)
    {
        await using var delete = session.Command("delete from adr_chunks where number = @number");
        delete.Parameters.AddWithValue("number", number);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddFilter(NpgsqlCommand command, SearchFilter filter)
    {
        command.Parameters.AddWithValue("statuses", (filter.Statuses.IsDefault ? [] : filter.Statuses).Select(s => (short)s).ToArray());
        command.Parameters.AddWithValue("tags", filter.Tags.IsDefault ? [] : filter.Tags.ToArray());
        command.Parameters.Add(new NpgsqlParameter("author", NpgsqlDbType.Text) { Value = (object?)filter.Author ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("decided_from", NpgsqlDbType.Date) { Value = (object?)filter.DecidedFrom ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("decided_to", NpgsqlDbType.Date) { Value = (object?)filter.DecidedTo ?? DBNull.Value });
    }

    private static async Task<IReadOnlyList<ChunkHit>> ReadHits(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var hits = new List<ChunkHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new ChunkHit(
                reader.GetInt32(0), reader.GetString(2), (AdrStatus)reader.GetInt16(3), reader.GetInt32(1), reader.GetString(4), reader.GetString(5),
                Convert.ToDouble(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return hits;
    }

    private Task<T> Run<T>(string tenant, Func<TenantSession, Task<T>> work, CancellationToken cancellationToken) =>
        TenantSession.RunAsync(dataSource, tenant, work, logger, cancellationToken);
}
