-- Passages of ADRs for search: full text (tsvector, GIN) and meaning (pgvector, HNSW, cosine).
-- The 'simple' text search configuration lower-cases without stemming, so every language and
-- script is searchable the same way. Embeddings have 384 dimensions (the local provider's size;
-- configure OpenAI's text-embedding-3 models with dimensions = 384 to match).

create table adr_chunks (
    tenant      text         not null,
    number      integer      not null,
    chunk_index integer      not null,
    version     integer      not null,
    title       text         not null,
    status      smallint     not null,
    tags        text[]       not null,
    created_by  text         not null,
    deciders    text[]       not null,
    decided     date         not null,
    heading     text         not null,
    body        text         not null,
    search_text tsvector     generated always as (to_tsvector('simple', title || ' ' || heading || ' ' || body)) stored,
    embedding   vector(384)  not null,
    primary key (tenant, number, chunk_index)
);

create index adr_chunks_text on adr_chunks using gin (search_text);
create index adr_chunks_embedding on adr_chunks using hnsw (embedding vector_cosine_ops);
create index adr_chunks_tags on adr_chunks using gin (tags);

alter table adr_chunks enable row level security;
alter table adr_chunks force row level security;
create policy tenant_isolation on adr_chunks
    using (tenant = current_setting('app.tenant', true))
    with check (tenant = current_setting('app.tenant', true));

grant select, insert, delete on adr_chunks to adr_app;
