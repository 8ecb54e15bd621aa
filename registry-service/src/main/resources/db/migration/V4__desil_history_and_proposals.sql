-- Every desil a household has had, per DTSEN quarter, with where it came from.
create table desil_history (
    id            bigserial   primary key,
    household_id  uuid        not null references household (id),
    desil         smallint    check (desil between 1 and 10),
    desil_period  text,
    source        text        not null,
    actor         text        not null,
    recorded_at   timestamptz not null default now()
);
create index desil_history_household on desil_history (household_id, recorded_at);

-- Usulan: a village proposes a new family or a data update, backed by its musdes minutes (Berita Acara);
-- the regency social office verifies in the field and approves or rejects.
create table proposal (
    id                  uuid        primary key,
    kind                text        not null check (kind in ('NEW_HOUSEHOLD', 'UPDATE_HOUSEHOLD')),
    village_code        text        not null references region (code),
    household_id        uuid        references household (id),
    payload             jsonb       not null,
    berita_acara_ref    text        not null,
    musdes_date         date        not null,
    attendance          integer     not null check (attendance > 0),
    status              text        not null check (status in ('SUBMITTED', 'VERIFIED', 'APPROVED', 'REJECTED')),
    field_check_result  text        check (field_check_result in ('SESUAI', 'TIDAK_SESUAI')),
    field_check_notes   text,
    verified_by         text,
    verified_at         timestamptz,
    decided_by          text,
    decided_at          timestamptz,
    decision_reason     text,
    applied_household_id uuid,
    proposed_by         text        not null,
    proposed_at         timestamptz not null,
    version             bigint      not null default 0,
    check ((kind = 'UPDATE_HOUSEHOLD') = (household_id is not null))
);
create index proposal_village_status on proposal (village_code text_pattern_ops, status);
