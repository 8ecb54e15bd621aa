-- Households (keluarga, identified by No. KK) with the DTSEN-style socio-economic attributes.
create table household (
    id               uuid        primary key,
    no_kk            text        not null check (no_kk ~ '^[0-9]{16}$'),
    village_code     text        not null references region (code),
    address          text        not null,
    rt               text,
    rw               text,
    -- socio-economic attributes (the family part of the proxy-means test)
    housing_tenure   text,
    floor_area_m2    numeric(8, 1) check (floor_area_m2 >= 0),
    floor_type       text,
    wall_type        text,
    roof_type        text,
    water_source     text,
    toilet           text,
    electricity_va   integer     check (electricity_va >= 0),
    land_area_m2     numeric(10, 1) check (land_area_m2 >= 0),
    assets           text[]      not null default '{}',
    livestock        jsonb       not null default '{}',
    monthly_income   bigint      check (monthly_income >= 0),
    kks_card         boolean     not null default false,
    -- welfare decile and the DTSEN quarter it belongs to; both null = "no desil yet"
    desil            smallint    check (desil between 1 and 10),
    desil_period     text        check (desil_period ~ '^[0-9]{4}-Q[1-4]$'),
    status           text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DISSOLVED')),
    version          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check ((desil is null) = (desil_period is null))
);
create unique index household_active_no_kk on household (no_kk) where status = 'ACTIVE';
create index household_village on household (village_code text_pattern_ops);
create index household_village_desil on household (village_code, desil);

-- Persons, keyed by NIK, with the facts that exclusion rules need.
create table person (
    nik              text        primary key check (nik ~ '^[0-9]{16}$'),
    full_name        text        not null,
    sex              text        not null check (sex in ('MALE', 'FEMALE')),
    birth_date       date        not null,
    birth_place      text,
    marital_status   text,
    education        text,
    occupation       text,
    disability       text,
    employment       text[]      not null default '{}',
    life_status      text        not null default 'ALIVE' check (life_status in ('ALIVE', 'DECEASED', 'MOVED')),
    death_date       date,
    version          bigint      not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check ((life_status = 'DECEASED') = (death_date is not null))
);
create index person_name_trgm on person using gin (lower(full_name) gin_trgm_ops);
create index person_duplicate_key on person (birth_date, substr(nik, 1, 6), lower(full_name));

-- Membership is history: a KK changes on a move, a split, the head's death or divorce.
create table membership (
    id            bigserial   primary key,
    household_id  uuid        not null references household (id),
    nik           text        not null references person (nik),
    relationship  text        not null,
    valid_from    date        not null,
    valid_to      date,
    check (valid_to is null or valid_to >= valid_from)
);
-- A person is in at most one household at a time.
create unique index membership_one_current on membership (nik) where valid_to is null;
create index membership_household on membership (household_id);

-- Every change: who, when, why, old → new.
create table change_log (
    id            bigserial   primary key,
    entity        text        not null,
    entity_id     text        not null,
    action        text        not null,
    actor         text        not null,
    reason        text,
    before_state  jsonb,
    after_state   jsonb,
    changed_at    timestamptz not null default now()
);
create index change_log_entity on change_log (entity, entity_id, changed_at);

-- Findings that came back from complaints (sanggah upheld, tolak), kept against the household.
create table household_finding (
    id            bigserial   primary key,
    household_id  uuid        not null,
    case_number   text        not null,
    outcome       text        not null,
    program_code  text,
    detail        text,
    recorded_at   timestamptz not null default now(),
    unique (case_number, outcome)
);
create index household_finding_household on household_finding (household_id);
