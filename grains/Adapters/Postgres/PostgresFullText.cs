namespace AdrPlatform.Adapters.Postgres;

/// <summary>
/// How a search box's text becomes a <c>tsquery</c>, shared by every full-text search so they parse alike:
/// web-search syntax (never a syntax error, whatever is typed) under the 'english' configuration the
/// migrations index with (0015: stemmed, stop words dropped). The statement binds the text as <c>@query</c>.
/// </summary>
internal static class PostgresFullText
{
    public const string Query = "websearch_to_tsquery('english', @query)";

    /// <summary>
    /// Most matching passages one search ranks. PostgreSQL cannot rank full text top-k from the GIN index, so a query
    /// of common words would rank every passage holding them (tens of thousands, the latency tail); past this many
    /// matches the passages ranked are the first found. Statements bind it as <c>@ranked</c>.
    /// </summary>
    public const int MaxRankedMatches = 5_000;
}
