-- Which model made each embedding, so searches compare only vectors of the configured model and passages
-- embedded by another one are found and embedded again. Vectors stored before this migration are marked
-- 'unrecorded': whatever model is configured differs, so they are re-embedded once. The defaults keep
-- writers that do not name a model working; their vectors are treated the same way.

alter table adr_chunks add column embedding_model text not null default 'unrecorded';
alter table document_chunks add column embedding_model text;
update document_chunks set embedding_model = 'unrecorded' where embedding is not null;

create index adr_chunks_embedding_model on adr_chunks (tenant, embedding_model, number);
create index document_chunks_embedding_model on document_chunks (tenant, embedding_model) where embedding is not null;
