-- Pay points are managed by the regions' social offices: the kinds as the process names them.
alter table pay_point drop constraint pay_point_kind_check;
update pay_point set kind = 'COMMUNITY_POINT' where kind = 'COMMUNITY';
alter table pay_point add constraint pay_point_kind_check check (kind in ('POST_OFFICE', 'COMMUNITY_POINT', 'DOOR_TO_DOOR'));
alter table pay_point add constraint pay_point_code_format check (code ~ '^[A-Z0-9][A-Z0-9-]{1,49}$');
alter table pay_point alter column created_at drop default;
alter table pay_point add column updated_at timestamptz;
create index pay_point_region on pay_point (region_code text_pattern_ops);

-- A plan's collection windows, as local dates (WIB); each stage starts after the one before it.
create table plan_window (
    plan_id              uuid        primary key references disbursement_plan (id),
    counter_from         date        not null,
    community_from       date        not null,
    community_to         date        not null,
    late_until           date        not null,
    reconciliation_from  date        not null,
    reconciliation_to    date        not null,
    -- set when the collection is closed: unpaid orders have failed and the windows no longer move
    collection_closed_at timestamptz,
    updated_at           timestamptz not null,
    updated_by           text        not null,
    check (community_from >= counter_from),
    check (community_to >= community_from),
    check (late_until > community_to),
    check (reconciliation_from > late_until),
    check (reconciliation_to >= reconciliation_from)
);

-- Families the village social worker puts on the door-to-door round.
create table door_to_door_need (
    plan_id      uuid        not null,
    household_id uuid        not null,
    reason       text        not null check (reason in ('ELDERLY', 'DISABLED', 'SICK', 'REMOTE')),
    noted_by     text        not null,
    noted_at     timestamptz not null,
    primary key (plan_id, household_id),
    foreign key (plan_id, household_id) references payment_order (plan_id, household_id)
);

-- Who collects where and on which day. A slot is a family's place in the day's queue, so the unique
-- index holds a pay point to its capacity per day (slots run 1..capacity).
create table schedule_entry (
    order_id        uuid    primary key references payment_order (id),
    plan_id         uuid    not null references disbursement_plan (id),
    pay_point_code  text    not null references pay_point (code),
    collection_date date    not null,
    slot            integer not null check (slot > 0),
    door_to_door    boolean not null,
    job_id          uuid    not null,
    unique (plan_id, pay_point_code, collection_date, slot)
);

-- Schedule generation runs in the background; its progress and outcome are kept here.
create table schedule_job (
    id              uuid        primary key,
    plan_id         uuid        not null references disbursement_plan (id),
    status          text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    phase           text        not null,
    orders_to_place integer,
    scheduled       integer,
    door_to_door    integer,
    no_pay_point    integer,
    over_capacity   integer,
    bank_channel    integer,
    error           text,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    duration_ms     bigint,
    check ((status in ('DONE', 'FAILED')) = (finished_at is not null))
);
-- one generation at a time per plan
create unique index schedule_job_running on schedule_job (plan_id) where status in ('QUEUED', 'RUNNING');
