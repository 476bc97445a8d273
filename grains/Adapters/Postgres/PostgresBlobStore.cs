using AdrPlatform.Ports;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AdrPlatform.Adapters.Postgres;

/// <summary>Uploaded originals as <c>bytea</c> rows of <c>blobs</c>, scoped to the session's tenant by row-level security.</summary>
public sealed class PostgresBlobStore(NpgsqlDataSource dataSource, ILogger<PostgresBlobStore> logger) : IBlobStore
{
    public Task PutAsync(string tenant, string blobId, string mediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        BlobRules.Validate(tenant, blobId, mediaType);
        var sha256 = BlobRules.Sha256(content.Span);
        return Run(tenant, async session =>
        {
            await using (var insert = session.Command("""
                insert into blobs (tenant, blob_id, media_type, sha256, content, size)
                values (@tenant, @blob_id, @media_type, @sha256, @content, @size)
                on conflict (tenant, blob_id) do nothing
                """))
            {
                insert.Parameters.AddWithValue("tenant", tenant);
                insert.Parameters.AddWithValue("blob_id", blobId);
                insert.Parameters.AddWithValue("media_type", mediaType);
                insert.Parameters.AddWithValue("sha256", sha256);
                insert.Parameters.AddWithValue("content", content);
                insert.Parameters.AddWithValue("size", (long)content.Length);
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    return true;
                }
            }

            // A separate statement, so it sees a row that a concurrent put committed while this one waited on it.
            await using var existing = session.Command("select sha256 from blobs where blob_id = @blob_id");
            existing.Parameters.AddWithValue("blob_id", blobId);
            var stored = (string?)await existing.ExecuteScalarAsync(cancellationToken);
            return stored == sha256 ? true : throw BlobRules.Conflict(blobId);
        }, cancellationToken);
    }

    public Task<StoredBlob?> GetAsync(string tenant, string blobId, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            await using var query = session.Command("select media_type, content, sha256 from blobs where blob_id = @blob_id");
            query.Parameters.AddWithValue("blob_id", blobId);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new StoredBlob(reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2))
                : null;
        }, cancellationToken);

    public Task DeleteAsync(string tenant, string blobId, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            await using var delete = session.Command("delete from blobs where blob_id = @blob_id");
            delete.Parameters.AddWithValue("blob_id", blobId);
            return await delete.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private Task<T> Run<T>(string tenant, Func<TenantSession, Task<T>> work, CancellationToken cancellationToken) =>
        TenantSession.RunAsync(dataSource, tenant, work, logger, cancellationToken);
}
