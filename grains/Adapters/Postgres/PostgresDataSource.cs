using Npgsql;

namespace AdrPlatform.Adapters.Postgres;

/// <summary>The pooled data source every Postgres adapter shares, with pgvector's type mapping.</summary>
public static class PostgresDataSource
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        return builder.Build();
    }
}
