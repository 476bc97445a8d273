using System.Globalization;
using AdrPlatform.Errors;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace AdrPlatform.Adapters.Postgres;

/// <summary>
/// Ingested documents' passages in PostgreSQL (<c>documents</c>, <c>document_chunks</c>): full text ranked with
/// <c>ts_rank_cd</c> over a GIN index, pgvector cosine distance over an HNSW index. Searches join the
/// document row so only searchable documents answer. Steps for an undeclared document are
/// ignored (see <see cref="DocumentIndexRules"/>). Row-level security scopes every statement to the session's tenant.
/// </summary>
public sealed class PostgresDocumentIndex(NpgsqlDataSource dataSource, ILogger<PostgresDocumentIndex> logger) : IDocumentIndex
{
    private const string SearchableChunks = """
        document_chunks c join documents d on d.tenant = c.tenant and d.document_id = c.document_id and d.searchable
        """;

    public Task DeclareAsync(string tenant, IndexedDocument document, CancellationToken cancellationToken)
    {
        DocumentIndexRules.ValidateDeclaration(document);
        return Run(tenant, async session =>
        {
            await using (var upsert = session.Command("""
                insert into documents (tenant, document_id, name, media_type, job_id, chunk_count)
                values (@tenant, @document_id, @name, @media_type, @job_id, @chunk_count)
                on conflict (tenant, document_id) do update
                set name = excluded.name, media_type = excluded.media_type, job_id = excluded.job_id,
                    chunk_count = excluded.chunk_count, searchable = false, updated_at = now()
                """))
            {
                upsert.Parameters.AddWithValue("tenant", tenant);
                upsert.Parameters.AddWithValue("document_id", document.DocumentId);
                upsert.Parameters.AddWithValue("name", document.Name);
                upsert.Parameters.AddWithValue("media_type", document.MediaType);
                upsert.Parameters.AddWithValue("job_id", document.JobId);
                upsert.Parameters.AddWithValue("chunk_count", document.ChunkCount);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var reset = session.Command("delete from document_chunks where document_id = @document_id");
            reset.Parameters.AddWithValue("document_id", document.DocumentId);
            return await reset.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task PutChunksAsync(string tenant, string documentId, IReadOnlyList<DocumentChunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        return Run(tenant, async session =>
        {
            if (await LockDeclared(session, documentId, cancellationToken) is not { } chunkCount)
            {
                return 0;
            }

            DocumentIndexRules.ValidateChunks(documentId, chunkCount, chunks);

            // One row per index (the last one given wins), as a statement may not update the same row twice.
            var rows = chunks.GroupBy(c => c.Index).Select(g => g.Last()).ToList();
            await using var upsert = session.Command("""
                insert into document_chunks (tenant, document_id, chunk_index, heading, text)
                select @tenant, @document_id, r.chunk_index, r.heading, r.text
                from unnest(@indices, @headings, @texts) as r(chunk_index, heading, text)
                on conflict (tenant, document_id, chunk_index) do update
                set heading = excluded.heading, text = excluded.text,
                    embedding = case when document_chunks.heading = excluded.heading and document_chunks.text = excluded.text
                                     then document_chunks.embedding end,
                    embedding_model = case when document_chunks.heading = excluded.heading and document_chunks.text = excluded.text
                                           then document_chunks.embedding_model end
                """);
            upsert.Parameters.AddWithValue("tenant", tenant);
            upsert.Parameters.AddWithValue("document_id", documentId);
            upsert.Parameters.AddWithValue("indices", rows.Select(c => c.Index).ToArray());
            upsert.Parameters.AddWithValue("headings", rows.Select(c => c.Heading).ToArray());
            upsert.Parameters.AddWithValue("texts", rows.Select(c => c.Text).ToArray());
            return await upsert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<DocumentChunk>> GetChunksAsync(string tenant, string documentId, int from, int count, CancellationToken cancellationToken)
    {
        DocumentIndexRules.ValidateRange(from, count);
        return Run<IReadOnlyList<DocumentChunk>>(tenant, async session =>
        {
            await using var query = session.Command("""
                select chunk_index, heading, text from document_chunks
                where document_id = @document_id and chunk_index >= @from and chunk_index < @to
                order by chunk_index
                """);
            query.Parameters.AddWithValue("document_id", documentId);
            query.Parameters.AddWithValue("from", from);
            query.Parameters.AddWithValue("to", (long)from + count);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            var chunks = new List<DocumentChunk>();
            while (await reader.ReadAsync(cancellationToken))
            {
                chunks.Add(new DocumentChunk(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }

            return chunks;
        }, cancellationToken);
    }

    public Task SetEmbeddingsAsync(
        string tenant, string documentId, string model, IReadOnlyList<(int Index, ReadOnlyMemory<float> Vector)> embeddings, CancellationToken cancellationToken)
    {
        DocumentIndexRules.ValidateEmbeddings(embeddings);
        ArgumentException.ThrowIfNullOrEmpty(model);
        return Run(tenant, async session =>
        {
            // A chunk that is not stored (any more) matches no row: its embedding is ignored.
            await using var batch = new NpgsqlBatch(session.Connection, session.Transaction);
            foreach (var (index, vector) in embeddings)
            {
                var update = new NpgsqlBatchCommand("""
                    update document_chunks set embedding = @embedding, embedding_model = @model
                    where document_id = @document_id and chunk_index = @chunk_index
                    """);
                update.Parameters.AddWithValue("embedding", new Vector(vector));
                update.Parameters.AddWithValue("model", model);
                update.Parameters.AddWithValue("document_id", documentId);
                update.Parameters.AddWithValue("chunk_index", index);
                batch.BatchCommands.Add(update);
            }

            return await ExecuteEmbeddingUpdates(batch, cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StaleDocumentChunk>> StaleChunksAsync(string tenant, string model, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Run(tenant, async session =>
        {
            await using var query = session.Command("""
                select document_id, chunk_index, heading, text, embedding_model
                from document_chunks
                where embedding is not null and embedding_model is distinct from @model
                limit @limit
                """);
            query.Parameters.AddWithValue("model", model);
            query.Parameters.AddWithValue("limit", limit);
            var stale = new List<StaleDocumentChunk>();
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stale.Add(new StaleDocumentChunk(
                    reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }

            return (IReadOnlyList<StaleDocumentChunk>)stale;
        }, cancellationToken);
    }

    public Task ReplaceStaleAsync(
        string tenant, string model, IReadOnlyList<(StaleDocumentChunk Chunk, ReadOnlyMemory<float> Vector)> embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        DocumentIndexRules.ValidateEmbeddings([.. embeddings.Select(e => (e.Chunk.Index, e.Vector))]);
        ArgumentException.ThrowIfNullOrEmpty(model);
        return Run(tenant, async session =>
        {
            await using var batch = new NpgsqlBatch(session.Connection, session.Transaction);
            foreach (var (chunk, vector) in embeddings)
            {
                var update = new NpgsqlBatchCommand("""
                    update document_chunks set embedding = @embedding, embedding_model = @model
                    where document_id = @document_id and chunk_index = @chunk_index and embedding is not null
                      and embedding_model is not distinct from @stale_model and heading = @heading and text = @text
                    """);
                update.Parameters.AddWithValue("embedding", new Vector(vector));
                update.Parameters.AddWithValue("model", model);
                update.Parameters.AddWithValue("document_id", chunk.DocumentId);
                update.Parameters.AddWithValue("chunk_index", chunk.Index);
                update.Parameters.Add(new NpgsqlParameter("stale_model", NpgsqlDbType.Text) { Value = (object?)chunk.Model ?? DBNull.Value });
                update.Parameters.AddWithValue("heading", chunk.Heading);
                update.Parameters.AddWithValue("text", chunk.Text);
                batch.BatchCommands.Add(update);
            }

            return await ExecuteEmbeddingUpdates(batch, cancellationToken);
        }, cancellationToken);
    }

    public Task<int> CountEmbeddedAsync(string tenant, string documentId, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            await using var query = session.Command("select count(*)::int from document_chunks where document_id = @document_id and embedding is not null");
            query.Parameters.AddWithValue("document_id", documentId);
            return (int)(await query.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    public Task MarkSearchableAsync(string tenant, string documentId, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            if (await LockDeclared(session, documentId, cancellationToken) is not { } declared)
            {
                return 0;
            }

            await using (var stored = session.Command("select count(*)::int from document_chunks where document_id = @document_id"))
            {
                stored.Parameters.AddWithValue("document_id", documentId);
                var count = (int)(await stored.ExecuteScalarAsync(cancellationToken))!;
                if (count != declared)
                {
                    throw DocumentIndexRules.Incomplete(documentId, count, declared);
                }
            }

            await using var mark = session.Command("update documents set searchable = true, updated_at = now() where document_id = @document_id and not searchable");
            mark.Parameters.AddWithValue("document_id", documentId);
            return await mark.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task RemoveAsync(string tenant, string documentId, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            // The chunks go with it (on delete cascade).
            await using var delete = session.Command("delete from documents where document_id = @document_id");
            delete.Parameters.AddWithValue("document_id", documentId);
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<IndexedDocument>> ListSearchableAsync(string tenant, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<IndexedDocument>>(tenant, async session =>
        {
            await using var query = session.Command("""
                select document_id, name, media_type, job_id, chunk_count from documents
                where searchable order by document_id collate "C"
                """);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            var documents = new List<IndexedDocument>();
            while (await reader.ReadAsync(cancellationToken))
            {
                documents.Add(new IndexedDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
            }

            return documents;
        }, cancellationToken);

    public Task<IReadOnlyList<DocumentHit>> LexicalAsync(string tenant, string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Run(tenant, async session =>
        {
            await using var command = session.Command($"""
                select document_id, name, chunk_index, heading, text, ts_rank_cd(search_text, {PostgresFullText.Query}) as score
                from (
                    select c.document_id, d.name, c.chunk_index, c.heading, c.text, c.search_text
                    from {SearchableChunks}
                    where c.search_text @@ {PostgresFullText.Query}
                    limit @ranked) matched
                order by score desc, document_id collate "C", chunk_index
                limit @limit
                """);
            command.Parameters.AddWithValue("query", query);
            command.Parameters.AddWithValue("ranked", PostgresFullText.MaxRankedMatches);
            command.Parameters.AddWithValue("limit", limit);
            return await ReadHits(command, cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<DocumentHit>> SemanticAsync(string tenant, ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Run(tenant, async session =>
        {
            // Iterative scan keeps walking the HNSW graph until enough rows pass the tenant and searchable
            // conditions; its relaxed order is put right by the outer sort.
            await using (var scan = session.Command("set local hnsw.iterative_scan = relaxed_order"))
            {
                await scan.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = session.Command($"""
                with nearest as materialized (
                    select c.document_id, d.name, c.chunk_index, c.heading, c.text, c.embedding <=> @vector as distance
                    from {SearchableChunks}
                    where c.embedding is not null and c.embedding_model = @model
                    order by c.embedding <=> @vector
                    limit @limit)
                select document_id, name, chunk_index, heading, text, 1 - distance as score
                from nearest
                order by distance, document_id collate "C", chunk_index
                """);
            command.Parameters.AddWithValue("vector", new Vector(vector));
            command.Parameters.AddWithValue("model", model);
            command.Parameters.AddWithValue("limit", limit);
            return await ReadHits(command, cancellationToken);
        }, cancellationToken);
    }

    private static async Task<int> ExecuteEmbeddingUpdates(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            return batch.BatchCommands.Count == 0 ? 0 : await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.DataException)
        {
            // pgvector refuses a vector of another dimension than the column's.
            throw AdrPlatformException.Invalid($"The embeddings do not fit the index: {error.MessageText}");
        }
    }

    /// <summary>
    /// The declared chunk count (null when the document is not declared, and the step is ignored), with the
    /// document row locked against a concurrent removal or re-declaration.
    /// </summary>
    private static async Task<int?> LockDeclared(TenantSession session, string documentId, CancellationToken cancellationToken)
    {
        await using var query = session.Command("select chunk_count from documents where document_id = @document_id for update");
        query.Parameters.AddWithValue("document_id", documentId);
        return await query.ExecuteScalarAsync(cancellationToken) as int?;
    }

    private static async Task<IReadOnlyList<DocumentHit>> ReadHits(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var hits = new List<DocumentHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new DocumentHit(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture)));
        }

        return hits;
    }

    private Task<T> Run<T>(string tenant, Func<TenantSession, Task<T>> work, CancellationToken cancellationToken) =>
        TenantSession.RunAsync(dataSource, tenant, work, logger, cancellationToken);
}
