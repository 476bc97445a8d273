-- Full text in English: words stemmed (Snowball English) and English stop words dropped, as the in-memory
-- indexes do (Domain/Search/SearchText), so "databases" finds "database" in both. A generated column's
-- expression cannot be altered: each search_text is dropped (its GIN index with it) and added again, which
-- recomputes it for every stored row, and its index is built again.

alter table adr_chunks drop column search_text;
alter table adr_chunks add column search_text tsvector
    generated always as (to_tsvector('english', title || ' ' || heading || ' ' || body)) stored;
create index adr_chunks_text on adr_chunks using gin (search_text);

alter table document_chunks drop column search_text;
alter table document_chunks add column search_text tsvector
    generated always as (to_tsvector('english', heading || ' ' || text)) stored;
create index document_chunks_text on document_chunks using gin (search_text);
