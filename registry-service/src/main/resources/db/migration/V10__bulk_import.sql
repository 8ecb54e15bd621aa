-- Bulk import of a DTSEN extract: one job per upload, its bad rows, and staging for its rows.
create table import_job (
    id                   uuid        primary key,
    format               text        not null check (format in ('NDJSON', 'CSV')),
    status               text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    phase                text        not null,
    actor                text        not null,
    -- region prefixes the caller may import into ('33.20%'); null for a national caller
    scope_patterns       text[],
    rows_read            bigint      not null default 0,
    rows_done            bigint      not null default 0,
    bad_rows             bigint      not null default 0,
    households_created   bigint      not null default 0,
    households_updated   bigint      not null default 0,
    households_unchanged bigint      not null default 0,
    -- households not in the file that lost a member who moved into a household of the file
    other_households_updated bigint  not null default 0,
    message              text,
    created_at           timestamptz not null,
    started_at           timestamptz,
    finished_at          timestamptz
);
create index import_job_created on import_job (created_at);

-- Every bad row with its line number and reason. Values are kept masked: this is a report, not data.
create table import_error (
    id        bigserial primary key,
    job_id    uuid   not null references import_job (id) on delete cascade,
    file      text   not null,
    line_no   bigint not null,
    field     text,
    code      text   not null,
    reason    text   not null,
    value     text
);
create index import_error_job on import_error (job_id, file, line_no, id);

-- Staging: the rows of a file as they came (all text, so that COPY never refuses a row), one
-- UNLOGGED partition per job, dropped when the job ends. Validation happens here, in SQL.
create table import_household_row (
    job_id          uuid   not null,
    line_no         bigint not null,
    parse_error     text,
    no_kk           text,
    village_code    text,
    address         text,
    rt              text,
    rw              text,
    housing_tenure  text,
    floor_area_m2   text,
    floor_type      text,
    wall_type       text,
    roof_type       text,
    water_source    text,
    toilet          text,
    electricity_va  text,
    land_area_m2    text,
    assets          text,
    livestock       text,
    monthly_income  text,
    kks_card        text,
    desil           text,
    desil_period    text
) partition by list (job_id);

create table import_person_row (
    job_id          uuid   not null,
    line_no         bigint not null,
    -- position in the household's member list (NDJSON); null for persons.csv
    member_index    int,
    parse_error     text,
    no_kk           text,
    nik             text,
    full_name       text,
    sex             text,
    birth_date      text,
    birth_place     text,
    relationship    text,
    marital_status  text,
    education       text,
    occupation      text,
    disability      text,
    employment      text,
    life_status     text,
    death_date      text
) partition by list (job_id);

-- Lenient readers for staged text: null instead of an error, so one bad value marks one row, not the file.
create function import_date(t text) returns date language sql immutable as $$
    select case when t ~ '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
                 and substr(t, 9, 2)::int <= extract(day from (substr(t, 1, 7) || '-01')::date + interval '1 month' - interval '1 day')
           then t::date end $$;

create function import_region_code(t text) returns text language sql immutable as $$
    select case when btrim(t) ~ '^[0-9]{10}$'
                then substr(btrim(t), 1, 2) || '.' || substr(btrim(t), 3, 2) || '.' || substr(btrim(t), 5, 2) || '.' || substr(btrim(t), 7, 4)
                else nullif(btrim(t), '') end $$;

-- 3320064107870001 → 332006**********, as platform Masking.nik does.
create function import_mask(t text) returns text language sql immutable as $$
    select case when t is null then null when length(t) < 6 then '****'
                else substr(t, 1, 6) || repeat('*', length(t) - 6) end $$;

-- The registry.households.v1 state of households now (HouseholdEvents.HouseholdState, members in membership order).
create function import_household_states(ids uuid[]) returns table (household_id uuid, state jsonb)
language sql stable as $$
    with members as (
        select m.household_id,
               jsonb_agg(jsonb_build_object(
                   'nik', p.nik, 'fullName', p.full_name, 'sex', p.sex, 'birthDate', p.birth_date,
                   'relationship', m.relationship, 'disability', p.disability, 'employment', to_jsonb(p.employment),
                   'lifeStatus', p.life_status, 'deathDate', p.death_date) order by m.id) as members
        from unnest(ids) i (id)
        join membership m on m.household_id = i.id and m.valid_to is null
        join person p on p.nik = m.nik
        group by m.household_id)
    select h.id, jsonb_build_object(
               'householdId', h.id, 'noKk', h.no_kk, 'villageCode', h.village_code, 'desil', h.desil,
               'desilPeriod', h.desil_period, 'status', h.status, 'version', h.version, 'kksCard', h.kks_card,
               'monthlyIncome', h.monthly_income, 'members', coalesce(m.members, '[]'::jsonb))
    from unnest(ids) i (id)
    join household h on h.id = i.id
    left join members m on m.household_id = h.id $$;
