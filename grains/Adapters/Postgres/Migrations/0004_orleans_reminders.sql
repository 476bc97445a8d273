-- Orleans ADO.NET reminders (Microsoft.Orleans.Reminders.AdoNet): the reminder table.
--
-- One row per (service, grain, reminder name). GrainId is Orleans' string form of the grain id
-- ("type/key"); GrainHash is its uniform hash as a signed 32-bit integer, which the silos use to
-- split the reminders between them by hash range; Period is in milliseconds; Version is the etag.
--
-- Query keys (all seven are required; the reminder service refuses to start without any of them):
--   ReadReminderRowsKey    @ServiceId @GrainId                 -> rows
--   ReadReminderRowKey     @ServiceId @GrainId @ReminderName   -> zero or one row
--   ReadRangeRows1Key      @ServiceId @BeginHash @EndHash      -> rows, BeginHash < GrainHash <= EndHash
--   ReadRangeRows2Key      @ServiceId @BeginHash @EndHash      -> rows of a range that wraps around:
--                                                                GrainHash > BeginHash or <= EndHash
--   UpsertReminderRowKey   @ServiceId @GrainHash @GrainId @ReminderName @StartTime @Period -> Version
--   DeleteReminderRowKey   @ServiceId @GrainId @ReminderName @Version -> one int, >0 = deleted
--   DeleteReminderRowsKey  @ServiceId
-- The row queries return GrainId, ReminderName, StartTime, Period and Version.

create table OrleansRemindersTable (
    ServiceId    varchar(150) not null,
    GrainId      varchar(512) not null,
    ReminderName varchar(256) not null,
    StartTime    timestamptz  not null,
    Period       bigint       not null,
    GrainHash    integer      not null,
    Version      integer      not null,
    constraint pk_orleansreminderstable primary key (ServiceId, GrainId, ReminderName)
);

-- Each silo periodically loads the reminders of its hash range.
create index ix_orleansreminderstable_grainhash on OrleansRemindersTable (ServiceId, GrainHash);

insert into OrleansQuery (QueryKey, QueryText) values
('ReadReminderRowsKey', $q$
    select GrainId, ReminderName, StartTime, Period, Version
      from OrleansRemindersTable
     where ServiceId = @ServiceId
       and GrainId = @GrainId;
$q$),

('ReadReminderRowKey', $q$
    select GrainId, ReminderName, StartTime, Period, Version
      from OrleansRemindersTable
     where ServiceId = @ServiceId
       and GrainId = @GrainId
       and ReminderName = @ReminderName;
$q$),

('ReadRangeRows1Key', $q$
    select GrainId, ReminderName, StartTime, Period, Version
      from OrleansRemindersTable
     where ServiceId = @ServiceId
       and GrainHash > @BeginHash
       and GrainHash <= @EndHash;
$q$),

('ReadRangeRows2Key', $q$
    select GrainId, ReminderName, StartTime, Period, Version
      from OrleansRemindersTable
     where ServiceId = @ServiceId
       and (GrainHash > @BeginHash or GrainHash <= @EndHash);
$q$),

-- A new reminder starts at version 0; re-registering it replaces schedule and bumps the version.
('UpsertReminderRowKey', $q$
    insert into OrleansRemindersTable as r
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    values
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    on conflict (ServiceId, GrainId, ReminderName) do update
       set StartTime = excluded.StartTime,
           Period = excluded.Period,
           GrainHash = excluded.GrainHash,
           Version = r.Version + 1
    returning r.Version as Version;
$q$),

('DeleteReminderRowKey', $q$
    with deleted as (
        delete from OrleansRemindersTable
         where ServiceId = @ServiceId
           and GrainId = @GrainId
           and ReminderName = @ReminderName
           and Version = @Version
        returning 1
    )
    select count(*)::integer as row_count from deleted;
$q$),

('DeleteReminderRowsKey', $q$
    delete from OrleansRemindersTable where ServiceId = @ServiceId;
$q$);

grant select, insert, update, delete on table OrleansRemindersTable to adr_app;
