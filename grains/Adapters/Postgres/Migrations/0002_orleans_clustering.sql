-- Orleans ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet): the membership table.
--
-- Orleans' ClusterId is passed as @DeploymentId. Each cluster has one version row, an etag that
-- every membership change must present and bump (compare-and-swap); each silo incarnation
-- (address, port, generation) has one membership row. SiloStatus values: 1 Created, 2 Joining,
-- 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead. SuspectTimes is Orleans' own
-- "silo,time|silo,time" text.
--
-- Query keys (all nine are required; clustering refuses to start without any of them):
--   InsertMembershipVersionKey      @DeploymentId                         -> one int, >0 = created
--   MembershipReadAllKey            @DeploymentId                         -> rows, see below
--   MembershipReadRowKey            @DeploymentId @Address @Port @Generation -> rows, see below
--   InsertMembershipKey             @DeploymentId @Address @Port @Generation @SiloName @HostName
--                                   @Status @ProxyPort @StartTime @IAmAliveTime @Version -> one int
--   UpdateMembershipKey             @DeploymentId @Address @Port @Generation @Status
--                                   @SuspectTimes @IAmAliveTime @Version  -> one int
--   UpdateIAmAlivetimeKey           @DeploymentId @Address @Port @Generation @IAmAliveTime
--   GatewaysQueryKey                @DeploymentId @Status  -> Address, ProxyPort, Generation
--   DeleteMembershipTableEntriesKey @DeploymentId
--   CleanupDefunctSiloEntriesKey    @DeploymentId @IAmAliveTime
-- The read queries return Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
-- SuspectTimes, StartTime, IAmAliveTime and Version, and always at least one row (the version
-- row, its membership columns null when no silo matches): Orleans takes the table etag from the
-- first row.

create table OrleansMembershipVersionTable (
    DeploymentId varchar(150) not null,
    Timestamp    timestamptz  not null default now(),
    Version      integer      not null default 0,
    constraint pk_orleansmembershipversiontable primary key (DeploymentId)
);

create table OrleansMembershipTable (
    DeploymentId varchar(150) not null,
    Address      varchar(45)  not null,
    Port         integer      not null,
    Generation   integer      not null,
    SiloName     varchar(150) not null,
    HostName     varchar(255) not null,
    Status       integer      not null,
    ProxyPort    integer,
    SuspectTimes text,
    StartTime    timestamptz  not null,
    IAmAliveTime timestamptz  not null,
    constraint pk_orleansmembershiptable primary key (DeploymentId, Address, Port, Generation),
    constraint fk_orleansmembershiptable_version foreign key (DeploymentId)
        references OrleansMembershipVersionTable (DeploymentId) on delete cascade
);

-- Registers a silo incarnation if the caller's table etag is still current. Returns 1 when the
-- row was added and the etag bumped, 0 when the etag is stale or the silo is already registered
-- (then nothing changes).
create function orleans_membership_insert(
    p_deployment_id  text,
    p_address        text,
    p_port           integer,
    p_generation     integer,
    p_silo_name      text,
    p_host_name      text,
    p_status         integer,
    p_proxy_port     integer,
    p_start_time     timestamptz,
    p_i_am_alive     timestamptz,
    p_table_version  integer)
returns integer
language plpgsql
as $fn$
begin
    -- Claiming the etag first locks the version row, which serialises every membership writer
    -- of this cluster for the rest of the transaction.
    update OrleansMembershipVersionTable
       set Version = Version + 1,
           Timestamp = now()
     where DeploymentId = p_deployment_id
       and Version = p_table_version;
    if not found then
        return 0;
    end if;

    insert into OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
         StartTime, IAmAliveTime)
    values
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
         p_proxy_port, p_start_time, p_i_am_alive);
    return 1;
exception
    -- Already registered: leaving the block through its handler also undoes the etag bump.
    when unique_violation then
        return 0;
end
$fn$;

-- Changes a silo's status, suspicions and liveness if the caller's table etag is still current.
-- Returns 1 on success, 0 when the etag is stale or the silo has no row (nothing changes).
create function orleans_membership_update(
    p_deployment_id  text,
    p_address        text,
    p_port           integer,
    p_generation     integer,
    p_status         integer,
    p_suspect_times  text,
    p_i_am_alive     timestamptz,
    p_table_version  integer)
returns integer
language plpgsql
as $fn$
begin
    update OrleansMembershipVersionTable
       set Version = Version + 1,
           Timestamp = now()
     where DeploymentId = p_deployment_id
       and Version = p_table_version;
    if not found then
        return 0;
    end if;

    update OrleansMembershipTable
       set Status = p_status,
           SuspectTimes = p_suspect_times,
           IAmAliveTime = p_i_am_alive
     where DeploymentId = p_deployment_id
       and Address = p_address
       and Port = p_port
       and Generation = p_generation;
    if not found then
        raise exception 'no membership row for %:%@%', p_address, p_port, p_generation
            using errcode = 'no_data_found';
    end if;
    return 1;
exception
    -- Leaving through the handler undoes the etag bump made above.
    when no_data_found then
        return 0;
end
$fn$;

insert into OrleansQuery (QueryKey, QueryText) values
('InsertMembershipVersionKey', $q$
    with created as (
        insert into OrleansMembershipVersionTable (DeploymentId)
        values (@DeploymentId)
        on conflict (DeploymentId) do nothing
        returning 1
    )
    select count(*)::integer as row_count from created;
$q$),

('MembershipReadAllKey', $q$
    select v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
      from OrleansMembershipVersionTable v
      left join OrleansMembershipTable m on m.DeploymentId = v.DeploymentId
     where v.DeploymentId = @DeploymentId;
$q$),

('MembershipReadRowKey', $q$
    select v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
      from OrleansMembershipVersionTable v
      left join OrleansMembershipTable m
             on m.DeploymentId = v.DeploymentId
            and m.Address = @Address
            and m.Port = @Port
            and m.Generation = @Generation
     where v.DeploymentId = @DeploymentId;
$q$),

('InsertMembershipKey', $q$
    select orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName,
                                     @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime,
                                     @Version) as row_count;
$q$),

('UpdateMembershipKey', $q$
    select orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,
                                     @SuspectTimes, @IAmAliveTime, @Version) as row_count;
$q$),

-- Liveness heartbeat: deliberately does not touch the table etag.
('UpdateIAmAlivetimeKey', $q$
    update OrleansMembershipTable
       set IAmAliveTime = @IAmAliveTime
     where DeploymentId = @DeploymentId
       and Address = @Address
       and Port = @Port
       and Generation = @Generation;
$q$),

-- Clients use this: active silos that accept client connections.
('GatewaysQueryKey', $q$
    select Address, ProxyPort, Generation
      from OrleansMembershipTable
     where DeploymentId = @DeploymentId
       and Status = @Status
       and ProxyPort > 0;
$q$),

('DeleteMembershipTableEntriesKey', $q$
    delete from OrleansMembershipTable where DeploymentId = @DeploymentId;
    delete from OrleansMembershipVersionTable where DeploymentId = @DeploymentId;
$q$),

-- Removes rows of silos that are not Active and have not reported in since @IAmAliveTime. Like
-- Orleans' other providers this does not bump the table etag.
('CleanupDefunctSiloEntriesKey', $q$
    delete from OrleansMembershipTable
     where DeploymentId = @DeploymentId
       and IAmAliveTime < @IAmAliveTime
       and Status <> 3;
$q$);

grant select, insert, update, delete on table OrleansMembershipVersionTable to adr_app;
grant select, insert, update, delete on table OrleansMembershipTable to adr_app;
grant execute on function orleans_membership_insert(text, text, integer, integer, text, text, integer, integer, timestamptz, timestamptz, integer) to adr_app;
grant execute on function orleans_membership_update(text, text, integer, integer, integer, text, timestamptz, integer) to adr_app;
