-- Penetapan: a beneficiary list of a program period for a region, drafted from the eligible determinations
-- (lowest desil first, then more vulnerable members, then household id) within regional quotas, and frozen on
-- approval. The entries are a snapshot taken when the list is drafted: what the approver reviewed is exactly
-- what is frozen and published; later projection changes never alter it.
create table beneficiary_list (
    id                   uuid        primary key,
    program_code         text        not null references program (code),
    period               text        not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
    region_code          text        not null,
    status               text        not null check (status in ('DRAFT', 'FINALIZED')),
    -- {"33.20.06": 120, ...}: at most that many households from within each region; null = no quota
    quotas               jsonb,
    rule_version         integer     not null,
    amount_per_month     bigint      not null check (amount_per_month >= 0),
    months               integer     not null check (months between 1 and 12),
    lump_sum             boolean     not null,
    total_beneficiaries  integer     not null,
    drafted_by           text        not null,
    drafted_at           timestamptz not null,
    approved_by          text,
    finalized_at         timestamptz,
    check ((status = 'FINALIZED') = (finalized_at is not null)),
    -- four eyes: who drafted may not approve
    check (approved_by is null or approved_by <> drafted_by)
);
create index beneficiary_list_program_period on beneficiary_list (program_code, period, region_code);

create table beneficiary_list_entry (
    list_id             uuid     not null references beneficiary_list (id) on delete cascade,
    -- 1 = first priority
    rank                integer  not null,
    household_id        uuid     not null,
    no_kk               text     not null,
    village_code        text     not null,
    desil               smallint,
    kks_card            boolean  not null,
    -- counted members who are elderly (60+), under 6 or with a disability: the first tie-break within a desil
    vulnerable_members  integer  not null,
    -- the head of the family, or another adult member when the head is deceased or moved
    recipient_nik       text,
    recipient_name      text,
    -- counted members: [{nik, relationship}]
    members             jsonb    not null,
    primary key (list_id, household_id),
    unique (list_id, rank)
);
create index beneficiary_list_entry_household on beneficiary_list_entry (household_id);
