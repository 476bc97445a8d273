namespace AdrPlatform.Adapters.Postgres;

/// <summary>
/// How a search box's text becomes a <c>tsquery</c>, shared by every full-text search so they parse alike:
/// web-search syntax (never a syntax error, whatever is typed) under the 'simple' configuration the
/// migrations index with. The statement binds the text as <c>@query</c>.
/// </summary>
internal static class PostgresFullText
{
    public const string Query = "websearch_to_tsquery('simple', @query)";
}
