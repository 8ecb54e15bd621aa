-- A case: aduan, usul, sanggah or tolak, routed to the team of its region and level.
create table complaint_case (
    id                    uuid        primary key,
    number                text        not null unique,
    type                  text        not null,
    channel               text        not null,
    status                text        not null,
    handling_level        text        not null,
    team                  text        not null,
    assignee              text,
    village_code          text        not null,
    household_id          uuid,
    program_code          text,
    reporter_nik          text,
    reporter_village_code text,
    description           text        not null,
    sanggah_reason        text,
    sanggah_statement     text,
    photo_ref             text,
    photo_latitude        double precision,
    photo_longitude       double precision,
    secret_hash           text        not null,
    submitted_by          text        not null,
    submitted_at          timestamptz not null,
    verified_at           timestamptz,
    decided_at            timestamptz,
    closed_at             timestamptz,
    verify_due_at         timestamptz,
    follow_up_due_at      timestamptz,
    outcome_detail        text,
    updated_at            timestamptz not null,
    version               bigint      not null,
    constraint complaint_case_type check (type in ('ADUAN', 'USUL', 'SANGGAH', 'TOLAK')),
    constraint complaint_case_status check (status in ('SUBMITTED', 'VERIFYING', 'RESOLVED', 'REJECTED', 'CLOSED', 'VOID')),
    constraint complaint_case_reporter check (reporter_nik is not null or type = 'ADUAN')
);
create index complaint_case_village on complaint_case (village_code text_pattern_ops, submitted_at desc);
create index complaint_case_household on complaint_case (household_id);
create index complaint_case_open_due on complaint_case (type, status, verify_due_at) where status in ('SUBMITTED', 'VERIFYING');

-- Everything done to a case, in order: the case's own history, shown to operators (and, without names, to the reporter).
create table case_activity (
    id          bigserial   primary key,
    case_id     uuid        not null references complaint_case (id),
    at          timestamptz not null,
    action      text        not null,
    from_status text        not null,
    to_status   text        not null,
    actor       text        not null,
    note        text,
    assignee    text,
    attachments text[]      not null default '{}'
);
create index case_activity_case on case_activity (case_id, id);

-- Human-readable case numbers run per type prefix and year: SGH-2025-000123.
create table case_number_counter (
    prefix     text   not null,
    year       int    not null,
    last_value bigint not null,
    primary key (prefix, year)
);

-- Local view of eligibility.determinations.v1: the latest determination per household x program x period.
create table determination_view (
    household_id     uuid        not null,
    program_code     text        not null,
    period           text        not null,
    village_code     text        not null,
    eligible         boolean     not null,
    reasons          jsonb       not null,
    rule_version     int         not null,
    registry_version bigint      not null,
    determined_at    timestamptz not null,
    primary key (household_id, program_code, period)
);
