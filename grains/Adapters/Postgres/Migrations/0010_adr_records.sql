-- ADR records, their append-only history and their links. Every table is tenant-scoped with
-- row-level security: the application sets app.tenant per transaction, and a session without it
-- sees and writes nothing. FORCE makes the policies apply to the owner too.

create table adrs (
    tenant        text        not null,
    number        integer     not null check (number >= 0),
    title         text        not null,
    body          text        not null,
    tags          text[]      not null default '{}',
    deciders      text[]      not null default '{}',
    decision_date date,
    status        smallint    not null check (status between 1 and 5),
    status_note   text,
    version       integer     not null check (version >= 1),
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    deleted_at    timestamptz,
    primary key (tenant, number)
);

create index adrs_tags on adrs using gin (tags);
create index adrs_status on adrs (tenant, status, number desc);

create table adr_versions (
    tenant        text        not null,
    number        integer     not null,
    version       integer     not null check (version >= 1),
    title         text        not null,
    body          text        not null,
    tags          text[]      not null,
    deciders      text[]      not null,
    decision_date date,
    status        smallint    not null,
    status_note   text,
    change        smallint    not null,
    author        text        not null,
    at            timestamptz not null,
    note          text,
    primary key (tenant, number, version),
    foreign key (tenant, number) references adrs (tenant, number)
);

create table adr_links (
    tenant      text     not null,
    from_number integer  not null,
    type        smallint not null check (type between 1 and 3),
    to_number   integer  not null,
    primary key (tenant, from_number, type, to_number),
    foreign key (tenant, from_number) references adrs (tenant, number),
    foreign key (tenant, to_number) references adrs (tenant, number),
    check (from_number <> to_number)
);

create index adr_links_to on adr_links (tenant, to_number);

alter table adrs enable row level security;
alter table adrs force row level security;
alter table adr_versions enable row level security;
alter table adr_versions force row level security;
alter table adr_links enable row level security;
alter table adr_links force row level security;

create policy tenant_isolation on adrs
    using (tenant = current_setting('app.tenant', true))
    with check (tenant = current_setting('app.tenant', true));
create policy tenant_isolation on adr_versions
    using (tenant = current_setting('app.tenant', true))
    with check (tenant = current_setting('app.tenant', true));
create policy tenant_isolation on adr_links
    using (tenant = current_setting('app.tenant', true))
    with check (tenant = current_setting('app.tenant', true));

-- History is append-only for the application: it may add versions, never change or remove them.
grant select, insert, update on adrs to adr_app;
grant select, insert on adr_versions to adr_app;
grant select, insert, delete on adr_links to adr_app;
