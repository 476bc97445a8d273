using System.Collections.Immutable;
using AdrPlatform.Domain;
using AdrPlatform.Errors;
using AdrPlatform.Model;
using AdrPlatform.Ports;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace AdrPlatform.Adapters.Postgres;

/// <summary>
/// ADR records, history and links in PostgreSQL. Every call is one transaction of one tenant
/// (<see cref="TenantSession"/>), so row-level security scopes every statement to that tenant.
/// </summary>
public sealed class PostgresAdrStore(NpgsqlDataSource dataSource, ILogger<PostgresAdrStore> logger) : IAdrStore
{
    private const string RecordColumns =
        "number, title, body, tags, deciders, decision_date, status, status_note, version, created_at, created_by, updated_at, updated_by, deleted_at";

    private const string VersionColumns =
        "number, version, title, body, tags, deciders, decision_date, status, status_note, change, author, at, note";

    public Task<AdrRecord?> FindAsync(string tenant, int number, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            AdrRecord? record;
            await using (var command = session.Command($"select {RecordColumns} from adrs where number = @number"))
            {
                command.Parameters.AddWithValue("number", number);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                record = await reader.ReadAsync(cancellationToken) ? ReadRecord(reader, tenant) : null;
            }

            return record is null ? null : record with { Links = await Links(session, [number], cancellationToken) };
        }, cancellationToken);

    public Task<ImmutableArray<AdrLink>> LinksAsync(string tenant, int number, CancellationToken cancellationToken) =>
        Run(tenant, session => Links(session, [number], cancellationToken), cancellationToken);

    public Task WriteAsync(string tenant, int expectedVersion, AdrChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Run(tenant, async session =>
        {
            var written = expectedVersion == 0
                ? await Insert(session, tenant, change.Record, cancellationToken)
                : await Update(session, tenant, change.Record, expectedVersion, cancellationToken);
            if (!written)
            {
                throw new StoreConflictException($"ADR {change.Record.Number} is not at version {expectedVersion}.");
            }

            await WriteRest(session, tenant, change, cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<ImmutableArray<int>> TakenNumbersAsync(string tenant, IReadOnlyCollection<int> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return Run(tenant, async session =>
        {
            await using var command = session.Command("select number from adrs where number = any(@numbers) order by number");
            command.Parameters.AddWithValue("numbers", numbers.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var taken = ImmutableArray.CreateBuilder<int>();
            while (await reader.ReadAsync(cancellationToken))
            {
                taken.Add(reader.GetInt32(0));
            }

            return taken.ToImmutable();
        }, cancellationToken);
    }

    public Task<ImmutableArray<AdrVersion>> VersionsAsync(string tenant, int number, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            await using var command = session.Command($"select {VersionColumns} from adr_versions where number = @number order by version");
            command.Parameters.AddWithValue("number", number);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var versions = ImmutableArray.CreateBuilder<AdrVersion>();
            while (await reader.ReadAsync(cancellationToken))
            {
                versions.Add(ReadVersion(reader));
            }

            return versions.ToImmutable();
        }, cancellationToken);

    public Task<AdrVersion?> FindVersionAsync(string tenant, int number, int version, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            await using var command = session.Command($"select {VersionColumns} from adr_versions where number = @number and version = @version");
            command.Parameters.AddWithValue("number", number);
            command.Parameters.AddWithValue("version", version);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadVersion(reader) : null;
        }, cancellationToken);

    public Task<AdrPage> ListAsync(string tenant, AdrQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Run(tenant, async session =>
        {
            await using var command = session.Command($"""
                select {RecordColumns} from adrs
                where (@before is null or number < @before)
                  and (@include_deleted or deleted_at is null)
                  and (cardinality(@statuses) = 0 or status = any(@statuses))
                  and tags @> @tags
                  and (@author is null or lower(created_by) = lower(@author) or lower(@author) = any(select lower(d) from unnest(deciders) d))
                  and (@text is null or strpos(lower(title), lower(@text)) > 0 or strpos(lower(body), lower(@text)) > 0)
                order by number desc
                limit @limit
                """);
            command.Parameters.Add(new NpgsqlParameter("before", NpgsqlDbType.Integer) { Value = (object?)query.BeforeNumber ?? DBNull.Value });
            command.Parameters.AddWithValue("include_deleted", query.IncludeDeleted);
            command.Parameters.AddWithValue("statuses", (query.Statuses.IsDefault ? [] : query.Statuses).Select(s => (short)s).ToArray());
            command.Parameters.AddWithValue("tags", query.Tags.IsDefault ? [] : query.Tags.ToArray());
            command.Parameters.Add(new NpgsqlParameter("author", NpgsqlDbType.Text) { Value = (object?)query.Author ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = (object?)query.Text ?? DBNull.Value });
            command.Parameters.AddWithValue("limit", query.PageSize + 1);
            var records = new List<AdrRecord>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    records.Add(ReadRecord(reader, tenant));
                }
            }

            var page = records.Take(query.PageSize).ToList();
            var links = await Links(session, [.. page.Select(r => r.Number)], cancellationToken);
            return new AdrPage(
                [.. page.Select(r => r with { Links = [.. links.Where(l => l.From == r.Number || l.To == r.Number)] })],
                records.Count > query.PageSize ? page[^1].Number : null);
        }, cancellationToken);
    }

    public Task<int> MaxNumberAsync(string tenant, CancellationToken cancellationToken) =>
        Run(tenant, async session =>
        {
            await using var command = session.Command("select coalesce(max(number), 0) from adrs");
            return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    private Task<T> Run<T>(string tenant, Func<TenantSession, Task<T>> work, CancellationToken cancellationToken) =>
        TenantSession.RunAsync(dataSource, tenant, work, logger, cancellationToken);

    private static async Task<bool> Insert(TenantSession session, string tenant, AdrRecord record, CancellationToken cancellationToken)
    {
        await using var command = session.Command($"""
            insert into adrs (tenant, {RecordColumns})
            values (@tenant, @number, @title, @body, @tags, @deciders, @decision_date, @status, @status_note, @version, @created_at, @created_by, @updated_at, @updated_by, @deleted_at)
            on conflict do nothing
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        AddRecord(command, record);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<bool> Update(TenantSession session, string tenant, AdrRecord record, int expectedVersion, CancellationToken cancellationToken)
    {
        await using var command = session.Command("""
            update adrs set title = @title, body = @body, tags = @tags, deciders = @deciders, decision_date = @decision_date,
                status = @status, status_note = @status_note, version = @version, updated_at = @updated_at, updated_by = @updated_by,
                deleted_at = @deleted_at
            where tenant = @tenant and number = @number and version = @expected_version
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("expected_version", expectedVersion);
        AddRecord(command, record);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task WriteRest(TenantSession session, string tenant, AdrChange change, CancellationToken cancellationToken)
    {
        if (change.NewVersion is { } version)
        {
            await using var insert = session.Command($"""
                insert into adr_versions (tenant, {VersionColumns})
                values (@tenant, @number, @version, @title, @body, @tags, @deciders, @decision_date, @status, @status_note, @change, @author, @at, @note)
                """);
            insert.Parameters.AddWithValue("tenant", tenant);
            insert.Parameters.AddWithValue("number", version.Number);
            insert.Parameters.AddWithValue("version", version.Version);
            AddContent(insert, version.Content);
            insert.Parameters.AddWithValue("status", (short)version.Status);
            insert.Parameters.Add(Nullable("status_note", version.StatusNote));
            insert.Parameters.AddWithValue("change", (short)version.Change);
            insert.Parameters.AddWithValue("author", version.Author);
            insert.Parameters.AddWithValue("at", version.At);
            insert.Parameters.Add(Nullable("note", version.Note));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var link in change.AddedLinks)
        {
            await LinkCommand(session, tenant, link, "insert into adr_links (tenant, from_number, type, to_number) values (@tenant, @from, @type, @to) on conflict do nothing", cancellationToken);
        }

        foreach (var link in change.RemovedLinks)
        {
            await LinkCommand(session, tenant, link, "delete from adr_links where tenant = @tenant and from_number = @from and type = @type and to_number = @to", cancellationToken);
        }
    }

    private static async Task LinkCommand(TenantSession session, string tenant, AdrLink link, string sql, CancellationToken cancellationToken)
    {
        await using var command = session.Command(sql);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("from", link.From);
        command.Parameters.AddWithValue("type", (short)link.Type);
        command.Parameters.AddWithValue("to", link.To);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ImmutableArray<AdrLink>> Links(TenantSession session, int[] numbers, CancellationToken cancellationToken)
    {
        if (numbers.Length == 0)
        {
            return [];
        }

        await using var command = session.Command("""
            select from_number, type, to_number from adr_links
            where from_number = any(@numbers) or to_number = any(@numbers)
            order by from_number, type, to_number
            """);
        command.Parameters.AddWithValue("numbers", numbers);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var links = ImmutableArray.CreateBuilder<AdrLink>();
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add(new AdrLink(reader.GetInt32(0), (LinkType)reader.GetInt16(1), reader.GetInt32(2)));
        }

        return links.ToImmutable();
    }

    private static void AddRecord(NpgsqlCommand command, AdrRecord record)
    {
        command.Parameters.AddWithValue("number", record.Number);
        AddContent(command, record.Content);
        command.Parameters.AddWithValue("status", (short)record.Status);
        command.Parameters.Add(Nullable("status_note", record.StatusNote));
        command.Parameters.AddWithValue("version", record.Version);
        command.Parameters.AddWithValue("created_at", record.CreatedAt);
        command.Parameters.AddWithValue("created_by", record.CreatedBy);
        command.Parameters.AddWithValue("updated_at", record.UpdatedAt);
        command.Parameters.AddWithValue("updated_by", record.UpdatedBy);
        command.Parameters.Add(new NpgsqlParameter("deleted_at", NpgsqlDbType.TimestampTz) { Value = (object?)record.DeletedAt ?? DBNull.Value });
    }

    private static void AddContent(NpgsqlCommand command, AdrContent content)
    {
        command.Parameters.AddWithValue("title", content.Title);
        command.Parameters.AddWithValue("body", content.Body);
        command.Parameters.AddWithValue("tags", content.Tags.ToArray());
        command.Parameters.AddWithValue("deciders", content.Deciders.ToArray());
        command.Parameters.Add(new NpgsqlParameter("decision_date", NpgsqlDbType.Date) { Value = (object?)content.DecisionDate ?? DBNull.Value });
    }

    private static NpgsqlParameter Nullable(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static AdrRecord ReadRecord(NpgsqlDataReader reader, string tenant) =>
        new(
            tenant,
            reader.GetInt32(0),
            new AdrContent(reader.GetString(1), reader.GetString(2), [.. reader.GetFieldValue<string[]>(3)], [.. reader.GetFieldValue<string[]>(4)],
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)),
            (AdrStatus)reader.GetInt16(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.GetInt32(8),
            reader.GetFieldValue<DateTimeOffset>(9),
            reader.GetString(10),
            reader.GetFieldValue<DateTimeOffset>(11),
            reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
            []);

    private static AdrVersion ReadVersion(NpgsqlDataReader reader) =>
        new(
            reader.GetInt32(0),
            reader.GetInt32(1),
            new AdrContent(reader.GetString(2), reader.GetString(3), [.. reader.GetFieldValue<string[]>(4)], [.. reader.GetFieldValue<string[]>(5)],
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6)),
            (AdrStatus)reader.GetInt16(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            (ChangeKind)reader.GetInt16(9),
            reader.GetString(10),
            reader.GetFieldValue<DateTimeOffset>(11),
            reader.IsDBNull(12) ? null : reader.GetString(12));
}
