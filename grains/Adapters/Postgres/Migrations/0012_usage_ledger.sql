-- Settled chat usage, one row per answer, append-only for the application, tenant-scoped by RLS.

create table usage_ledger (
    tenant            text          not null,
    message_id        text          not null,
    user_id           text          not null,
    model             text          not null,
    prompt_tokens     integer       not null check (prompt_tokens >= 0),
    completion_tokens integer       not null check (completion_tokens >= 0),
    cost_usd          numeric(18,8) not null check (cost_usd >= 0),
    at                timestamptz   not null,
    primary key (tenant, message_id)
);

create index usage_ledger_at on usage_ledger (tenant, at);

alter table usage_ledger enable row level security;
alter table usage_ledger force row level security;
create policy tenant_isolation on usage_ledger
    using (tenant = current_setting('app.tenant', true))
    with check (tenant = current_setting('app.tenant', true));

grant select, insert on usage_ledger to adr_app;
