-- Orleans ADO.NET grain persistence (Microsoft.Orleans.Persistence.AdoNet): grain state rows.
--
-- One row per (service, grain type, grain id). A grain id arrives split as the provider hashes
-- it: GrainIdN0/GrainIdN1 carry Guid or integer keys, GrainIdExtensionString carries a string key
-- or key extension (null when there is none); GrainIdHash and GrainTypeHash are the provider's
-- 32-bit hashes and only serve as the index's leading columns. Version is the etag: it starts at
-- 1 and goes up by one on every write or clear.
--
-- Query keys (parameters are the same for all four: @GrainIdHash @GrainIdN0 @GrainIdN1
-- @GrainTypeHash @GrainTypeString @GrainIdExtensionString @ServiceId, plus as noted):
--   ReadFromStorageKey  -> PayloadBinary, Version (no row = no state)
--   WriteToStorageKey   + @GrainStateVersion @PayloadBinary -> NewGrainStateVersion
--   ClearStorageKey     + @GrainStateVersion -> NewGrainStateVersion (first column)
--   DeleteStorageKey    + @GrainStateVersion -> NewGrainStateVersion (first column); used instead
--                       of ClearStorageKey when the provider runs with DeleteStateOnClear = true
-- The provider detects a lost race or a stale etag when the version it gets back is null/missing
-- or equal to the one it sent, and then throws InconsistentStateException.

create table OrleansStorage (
    GrainIdHash            integer      not null,
    GrainIdN0              bigint       not null,
    GrainIdN1              bigint       not null,
    GrainTypeHash          integer      not null,
    GrainTypeString        varchar(512) not null,
    GrainIdExtensionString varchar(512),
    ServiceId              varchar(150) not null,
    PayloadBinary          bytea,
    ModifiedOn             timestamptz  not null default now(),
    Version                integer      not null,
    -- Identity of a state row; also the lookup index (hash columns first). Null extensions
    -- compare equal here so a grain without one still has exactly one row.
    constraint uq_orleansstorage_grain
        unique nulls not distinct (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, ServiceId,
                                   GrainTypeString, GrainIdExtensionString)
);

-- Writes a grain's state. With p_expected_version null the grain believes there is no row yet and
-- one is created at version 1; otherwise the row is replaced only if its version still equals
-- p_expected_version. Returns the new version, or null when nothing was written (a row already
-- exists, or the etag is stale).
create function orleans_storage_write(
    p_grain_id_hash      integer,
    p_grain_id_n0        bigint,
    p_grain_id_n1        bigint,
    p_grain_type_hash    integer,
    p_grain_type         text,
    p_grain_id_extension text,
    p_service_id         text,
    p_expected_version   integer,
    p_payload            bytea)
returns integer
language plpgsql
as $fn$
declare
    v_new_version integer;
begin
    if p_expected_version is null then
        insert into OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
             GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        values
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type,
             p_grain_id_extension, p_service_id, p_payload, now(), 1)
        on conflict on constraint uq_orleansstorage_grain do nothing
        returning Version into v_new_version;
    else
        update OrleansStorage
           set PayloadBinary = p_payload,
               ModifiedOn = now(),
               Version = Version + 1
         where GrainIdHash = p_grain_id_hash
           and GrainTypeHash = p_grain_type_hash
           and GrainIdN0 = p_grain_id_n0
           and GrainIdN1 = p_grain_id_n1
           and ServiceId = p_service_id
           and GrainTypeString = p_grain_type
           and GrainIdExtensionString is not distinct from p_grain_id_extension
           and Version = p_expected_version
        returning Version into v_new_version;
    end if;
    return v_new_version;
end
$fn$;

insert into OrleansQuery (QueryKey, QueryText) values
('ReadFromStorageKey', $q$
    select PayloadBinary, Version
      from OrleansStorage
     where GrainIdHash = @GrainIdHash
       and GrainTypeHash = @GrainTypeHash
       and GrainIdN0 = @GrainIdN0
       and GrainIdN1 = @GrainIdN1
       and ServiceId = @ServiceId
       and GrainTypeString = @GrainTypeString
       and GrainIdExtensionString is not distinct from @GrainIdExtensionString;
$q$),

('WriteToStorageKey', $q$
    select orleans_storage_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
                                 @GrainTypeString, @GrainIdExtensionString, @ServiceId,
                                 @GrainStateVersion, @PayloadBinary) as NewGrainStateVersion;
$q$),

-- Keeps the row (so the version keeps counting) and drops the payload: a later read reports
-- "no state" with the bumped version as etag.
('ClearStorageKey', $q$
    update OrleansStorage
       set PayloadBinary = null,
           ModifiedOn = now(),
           Version = Version + 1
     where GrainIdHash = @GrainIdHash
       and GrainTypeHash = @GrainTypeHash
       and GrainIdN0 = @GrainIdN0
       and GrainIdN1 = @GrainIdN1
       and ServiceId = @ServiceId
       and GrainTypeString = @GrainTypeString
       and GrainIdExtensionString is not distinct from @GrainIdExtensionString
       and Version = @GrainStateVersion
    returning Version as NewGrainStateVersion;
$q$),

-- Removes the row. Returns the deleted version + 1 because the provider treats "same version as
-- sent" as a conflict; it then resets the grain's etag to null.
('DeleteStorageKey', $q$
    delete from OrleansStorage
     where GrainIdHash = @GrainIdHash
       and GrainTypeHash = @GrainTypeHash
       and GrainIdN0 = @GrainIdN0
       and GrainIdN1 = @GrainIdN1
       and ServiceId = @ServiceId
       and GrainTypeString = @GrainTypeString
       and GrainIdExtensionString is not distinct from @GrainIdExtensionString
       and Version = @GrainStateVersion
    returning Version + 1 as NewGrainStateVersion;
$q$);

grant select, insert, update, delete on table OrleansStorage to adr_app;
grant execute on function orleans_storage_write(integer, bigint, bigint, integer, text, text, text, integer, bytea) to adr_app;
