-- The service's own copy of each household, as last announced on registry.households.v1. No other
-- service's tables are read: this projection is what every determination is computed from.
create table household_projection (
    household_id      uuid        primary key,
    no_kk             text        not null,
    village_code      text        not null,
    -- both null = "belum ada desil" (no desil yet)
    desil             smallint    check (desil between 1 and 10),
    desil_period      text        check (desil_period ~ '^[0-9]{4}-Q[1-4]$'),
    status            text        not null check (status in ('ACTIVE', 'DISSOLVED')),
    -- the registry's version of the household; an older or equal version never overwrites a newer one
    registry_version  bigint      not null,
    kks_card          boolean     not null default false,
    monthly_income    bigint      check (monthly_income >= 0),
    -- members exactly as the registry sent them (NIK, name, birth date, employment facts, life status, ...)
    members           jsonb       not null,
    projected_at      timestamptz not null
);
create index household_projection_village on household_projection (village_code text_pattern_ops);
-- batch determination and quota ordering walk a region by desil
create index household_projection_village_desil on household_projection (village_code, desil);
create index household_projection_no_kk on household_projection (no_kk);

-- One row per member, kept in the same transaction as the projection: the public status check finds a
-- household by NIK, or by the name as on the KTP within a village.
create table projection_member (
    household_id  uuid  not null references household_projection (household_id) on delete cascade,
    nik           text  not null,
    full_name     text  not null,
    village_code  text  not null,
    sex           text,
    birth_date    date,
    relationship  text,
    life_status   text  not null,
    primary key (household_id, nik)
);
create index projection_member_nik on projection_member (nik);
create index projection_member_village_name on projection_member (village_code, upper(full_name));
