-- Programs as data: a program has versioned rules; a regional variant is a rule version with a region prefix.
create table program (
    code         text        primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name         text        not null,
    description  text        not null,
    created_at   timestamptz not null default now()
);

create table program_rule_version (
    id                bigserial   primary key,
    program_code      text        not null references program (code),
    -- numbered per program across its variants, so "SEMBAKO rule version 2" names one rule
    version           integer     not null check (version >= 1),
    -- null = national; otherwise the Kemendagri prefix the variant applies within (e.g. 33.20, Jepara)
    region_prefix     text        check (region_prefix ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$'),
    -- the program period the rule governs (DTSEN quarter)
    period            text        not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
    -- desil band, exclusions (employment facts), required conditions, programs not to combine with
    rules             jsonb       not null,
    -- null where the amount is not one figure per family (PKH components, PBI-JKN premium, regional budget)
    amount_per_month  bigint      check (amount_per_month >= 0),
    months            integer     check (months between 1 and 12),
    -- paid at once for the whole period (BLTS Kesra: Rp300,000 x 3 as Rp900,000)
    lump_sum          boolean     not null default false,
    status            text        not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    note              text,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    published_at      timestamptz,
    unique (program_code, version),
    check ((status = 'PUBLISHED') = (published_at is not null))
);
create index program_rule_version_published on program_rule_version (period, program_code) where status = 'PUBLISHED';

-- Aid a household receives in a period. Filled from finalized beneficiary lists (penetapan) and payment
-- events; read by the "not combined with" and "no other aid" rules (no double aid).
create table aid_receipt (
    household_id  uuid        not null,
    program_code  text        not null references program (code),
    period        text        not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
    source        text        not null,
    recorded_at   timestamptz not null default now(),
    primary key (household_id, program_code, period)
);
