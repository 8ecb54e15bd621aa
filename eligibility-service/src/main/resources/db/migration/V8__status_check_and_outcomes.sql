-- Payment status per household, program and period as the disbursement service reports it
-- (disbursement.payments.v1); the public status check shows it. A later report (by its own time) wins.
create table payment_status (
    household_id  uuid        not null,
    program_code  text        not null,
    period        text        not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
    status        text        not null check (status in ('PAID', 'BLOCKED', 'FAILED')),
    at            timestamptz not null,
    -- the disbursement service's reason code (blocked or failed); never shown to the public as is
    reason        text,
    order_id      text        not null,
    recorded_at   timestamptz not null,
    primary key (household_id, program_code, period)
);

-- Decided complaints that bear on eligibility (complaint.outcomes.v1):
-- TOLAK  = the family declines the program from from_period on;
-- SANGGAH = an objection was upheld: the family is not eligible while the registry still holds the data the
--           finding was made on (registry_version); a newer registry version ends it.
create table complaint_finding (
    case_number       text        primary key,
    kind              text        not null check (kind in ('TOLAK', 'SANGGAH')),
    household_id      uuid        not null,
    -- null = every program
    program_code      text,
    from_period       text        check (from_period ~ '^[0-9]{4}-Q[1-4]$'),
    -- null when the household was not projected yet: then the finding cannot be tied to data and never applies
    registry_version  bigint,
    detail            text,
    decided_at        timestamptz not null,
    recorded_at       timestamptz not null,
    check ((kind = 'TOLAK') = (from_period is not null))
);
create index complaint_finding_household on complaint_finding (household_id);

-- Proof-of-work challenges of the public status check that have been used: each is good for one lookup.
-- Rows past their expiry are useless (an expired challenge is refused anyway) and are deleted.
create table status_challenge_used (
    id          uuid        primary key,
    expires_at  timestamptz not null
);
create index status_challenge_used_expiry on status_challenge_used (expires_at);

-- Name search of the public check: the name as on the KTP, case- and space-insensitive, within a village.
create index projection_member_village_name_key
    on projection_member (village_code, btrim(regexp_replace(full_name, '\s+', ' ', 'g')))
    where life_status = 'ALIVE';
