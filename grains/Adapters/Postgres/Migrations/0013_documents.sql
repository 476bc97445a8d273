-- Uploaded originals and the ingested documents made from them, with their passages for search.
-- Passages follow adr_chunks: 'simple' full text (tsvector, GIN) and 384-dimensional embeddings
-- (pgvector, HNSW, cosine). An embedding is null until the embeddings worker sets it. A document is
-- invisible to searches until it is marked searchable. Every table is tenant-scoped with forced
-- row-level security on app.tenant, like the others.

create table blobs (
    tenant     text        not null,
    blob_id    text        not null,
    media_type text        not null,
    sha256     text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content    bytea       not null,
    size       bigint      not null check (size = octet_length(content)),
    created_at timestamptz not null default now(),
    primary key (tenant, blob_id)
);

create table documents (
    tenant      text        not null,
    document_id text        not null,
    name        text        not null,
    media_type  text        not null,
    job_id      text        not null,
    chunk_count integer     not null check (chunk_count >= 0),
    searchable  boolean     not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (tenant, document_id)
);

create index documents_searchable on documents (tenant, document_id) where searchable;

create table document_chunks (
    tenant      text        not null,
    document_id text        not null,
    chunk_index integer     not null check (chunk_index >= 0),
    heading     text        not null,
    text        text        not null,
    search_text tsvector    generated always as (to_tsvector('simple', heading || ' ' || text)) stored,
    embedding   vector(384),
    primary key (tenant, document_id, chunk_index),
    foreign key (tenant, document_id) references documents (tenant, document_id) on delete cascade
);

create index document_chunks_text on document_chunks using gin (search_text);
create index document_chunks_embedding on document_chunks using hnsw (embedding vector_cosine_ops);

alter table blobs enable row level security;
alter table blobs force row level security;
alter table documents enable row level security;
alter table documents force row level security;
alter table document_chunks enable row level security;
alter table document_chunks force row level security;

create policy tenant_isolation on blobs
    using (tenant = current_setting('app.tenant', true))
    with check (tenant = current_setting('app.tenant', true));
create policy tenant_isolation on documents
    using (tenant = current_setting('app.tenant', true))
    with check (tenant = current_setting('app.tenant', true));
create policy tenant_isolation on document_chunks
    using (tenant = current_setting('app.tenant', true))
    with check (tenant = current_setting('app.tenant', true));

-- Blobs are immutable for the application: written once, read, deleted.
grant select, insert, delete on blobs to adr_app;
grant select, insert, update, delete on documents to adr_app;
grant select, insert, update, delete on document_chunks to adr_app;
