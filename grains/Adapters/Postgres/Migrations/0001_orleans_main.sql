-- Orleans ADO.NET providers (clustering, grain persistence, reminders): the shared query table.
--
-- The providers ship no PostgreSQL schema of their own. At start-up each one runs
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- (persistence narrows it with a WHERE on its four keys) and afterwards only ever executes the
-- texts it found there, binding named parameters (@DeploymentId, @GrainIdHash, ...) and reading
-- result columns by name. The contract this schema and 0002-0004 keep:
--   * every key a provider requires is present (a missing key fails that provider's start-up:
--     clustering and reminders throw "Not all required queries found. Missing are: ...");
--   * parameter names and result column names are exactly those the provider uses. Result
--     columns are matched case-insensitively, so the folded lower-case names PostgreSQL returns
--     for unquoted identifiers are fine;
--   * "succeeded?" queries return one row with one integer column, > 0 meaning yes;
--   * etags are plain integer version counters.
-- Identifiers are left unquoted on purpose: Orleans' own bootstrap query names OrleansQuery,
-- QueryKey and QueryText unquoted, so they must exist as orleansquery(querykey, querytext).
-- Nothing is schema-qualified: the objects go to the first schema of the migrating session's
-- search_path and the application finds them through its own search_path.
--
-- The query texts are dollar-quoted ($q$...$q$) so they can hold quotes and semicolons as written.

create table OrleansQuery (
    QueryKey  varchar(64) not null,
    QueryText text        not null,
    constraint pk_orleansquery primary key (QueryKey)
);

comment on table OrleansQuery is
    'Statements the Orleans ADO.NET providers execute, keyed by the names the providers ask for. Read once at silo start-up.';

-- The application only reads the queries: letting it rewrite them would let it change what every
-- silo executes.
grant select on table OrleansQuery to adr_app;
