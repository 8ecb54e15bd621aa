-- A disbursement plan per finalized beneficiary list (penetapan): what each family is owed and how.
create table disbursement_plan (
    id                  uuid        primary key,
    list_id             text        not null unique,
    program_code        text        not null,
    period              text        not null,
    region_code         text        not null,
    amount_per_month    bigint      not null check (amount_per_month > 0),
    months              integer     not null check (months > 0),
    lump_sum            boolean     not null,
    -- what one family receives over the plan: amount per month x months, in rupiah
    amount_per_family   bigint      not null,
    total_beneficiaries integer     not null check (total_beneficiaries >= 0),
    -- amount per family x beneficiaries announced by the list
    planned_total       bigint      not null,
    chunk_count         integer     not null check (chunk_count > 0),
    status              text        not null default 'RECEIVING' check (status in ('RECEIVING', 'COMPLETE')),
    finalized_at        timestamptz,
    created_at          timestamptz not null,
    completed_at        timestamptz,
    check (amount_per_family = amount_per_month * months),
    check (planned_total = amount_per_family * total_beneficiaries),
    check ((status = 'COMPLETE') = (completed_at is not null))
);
create index disbursement_plan_region on disbursement_plan (region_code text_pattern_ops);

-- Chunks of a list as they arrived: the plan is complete when every chunk is here.
create table plan_chunk (
    plan_id       uuid        not null references disbursement_plan (id),
    chunk_index   integer     not null check (chunk_index >= 0),
    beneficiaries integer     not null,
    accepted      integer     not null,
    -- beneficiaries refused with the reason (bad identifiers, outside the plan's region)
    rejected      jsonb       not null default '[]',
    received_at   timestamptz not null,
    primary key (plan_id, chunk_index)
);

-- Pay points (post office counter, community point, door-to-door round); managed by a later slice.
create table pay_point (
    code           text        primary key,
    name           text        not null,
    kind           text        not null check (kind in ('POST_OFFICE', 'COMMUNITY', 'DOOR_TO_DOOR')),
    region_code    text        not null,
    capacity_per_day integer   not null check (capacity_per_day > 0),
    created_at     timestamptz not null default now()
);

-- One payment order per family per plan.
create table payment_order (
    id               uuid        primary key,
    plan_id          uuid        not null references disbursement_plan (id),
    household_id     uuid        not null,
    no_kk            text        not null check (no_kk ~ '^[0-9]{16}$'),
    village_code     text        not null,
    desil            smallint,
    kks_card         boolean     not null,
    recipient_nik    text        not null check (recipient_nik ~ '^[0-9]{16}$'),
    recipient_name   text        not null,
    -- the KK members as on the list [{nik, relationship}]: who may collect as kuasa
    members          jsonb       not null default '[]',
    -- members the registry has since reported dead or moved: no longer a kuasa
    departed_niks    text[]      not null default '{}',
    channel          text        not null check (channel in ('BANK', 'POS')),
    amount           bigint      not null check (amount > 0),
    status           text        not null default 'READY' check (status in ('READY', 'PAID', 'BLOCKED', 'FAILED')),
    status_reason    text        check (status_reason in ('DECEASED', 'MOVED')),
    status_at        timestamptz,
    paid_at          timestamptz,
    version          bigint      not null default 0,
    created_at       timestamptz not null,
    unique (plan_id, household_id),
    check ((status = 'PAID') = (paid_at is not null)),
    check (status <> 'BLOCKED' or status_reason is not null)
);
create index payment_order_household on payment_order (household_id);
create index payment_order_plan_status on payment_order (plan_id, status);
create index payment_order_village on payment_order (village_code text_pattern_ops, plan_id);

-- Money must not move backwards: a paid order stays paid, a blocked one is never paid.
create function payment_order_transition() returns trigger language plpgsql as $$
begin
    if old.status = new.status then
        return new;
    end if;
    if (old.status = 'READY' and new.status in ('PAID', 'BLOCKED', 'FAILED'))
            or (old.status = 'BLOCKED' and new.status = 'FAILED') then
        return new;
    end if;
    raise exception 'payment order % cannot go from % to %', old.id, old.status, new.status;
end $$;
create trigger payment_order_transition before update on payment_order
    for each row execute function payment_order_transition();

-- The payment made at the counter: at most one per order, whatever the clients do.
create table payment (
    id               uuid        primary key,
    order_id         uuid        not null unique references payment_order (id),
    amount           bigint      not null check (amount > 0),
    presenter_nik    text        not null check (presenter_nik ~ '^[0-9]{16}$'),
    presenter_role   text        not null check (presenter_role in ('RECIPIENT', 'KUASA')),
    presenter_no_kk  text        check (presenter_no_kk ~ '^[0-9]{16}$'),
    officer          text        not null,
    pay_point_code   text        not null,
    paid_at          timestamptz not null,
    latitude         numeric(9, 6) not null check (latitude between -90 and 90),
    longitude        numeric(9, 6) not null check (longitude between -180 and 180),
    photo_sha256     text        not null check (photo_sha256 ~ '^[0-9a-f]{64}$'),
    idempotency_key  text        not null unique,
    check (presenter_role = 'RECIPIENT' or presenter_no_kk is not null)
);

-- Idempotency of payment recording: a key answers once, and the same way every time.
create table payment_request (
    idempotency_key  text        primary key,
    request_hash     text        not null,
    order_id         uuid        not null,
    payment_id       uuid        not null references payment (id),
    response_status  integer     not null,
    response_body    text        not null,
    created_at       timestamptz not null
);

-- What the registry last said about a household's members, so a death reported before the
-- beneficiary list arrived still blocks the order created afterwards.
create table household_life (
    household_id     uuid        primary key,
    registry_version bigint      not null,
    status           text        not null,
    -- [{nik, lifeStatus}]
    members          jsonb       not null,
    updated_at       timestamptz not null
);
