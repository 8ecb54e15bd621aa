-- Orders fail with a reason when their collection closes.
alter table payment_order drop constraint payment_order_status_reason_check;
alter table payment_order add constraint payment_order_status_reason_check check (status_reason in
    ('DECEASED', 'MOVED', 'NOT_COLLECTED', 'NOT_FOUND', 'UNABLE_TO_COME', 'RECLASSIFIED', 'REFUSED'));
alter table payment_order add constraint payment_order_failed_reason check (status <> 'FAILED' or status_reason is not null);

-- Failed-payment reconciliation of one village of a plan, under the village's SPTJM (Surat Pernyataan
-- Tanggung Jawab Mutlak: the officials' statement of full responsibility). Closing it fixes the totals,
-- and they must add up to the rupiah.
create table village_reconciliation (
    plan_id          uuid        not null references disbursement_plan (id),
    village_code     text        not null,
    signer_name      text        not null,
    signer_position  text        not null,
    signed_on        date        not null,
    document_ref     text        not null,
    document_sha256  text        not null check (document_sha256 ~ '^[0-9a-f]{64}$'),
    opened_by        text        not null,
    opened_at        timestamptz not null,
    closed_by        text,
    closed_at        timestamptz,
    orders           integer,
    planned_total    bigint,
    paid_total       bigint,
    returned_total   bigint,
    primary key (plan_id, village_code),
    check ((closed_at is null) = (planned_total is null)),
    check ((closed_at is null) = (paid_total is null)),
    check ((closed_at is null) = (returned_total is null)),
    check (closed_at is null or planned_total = paid_total + returned_total)
);

-- What the reconciliation changed, each with its proof.
create table reconciliation_correction (
    id            uuid        primary key,
    plan_id       uuid        not null,
    village_code  text        not null,
    order_id      uuid        not null references payment_order (id),
    kind          text        not null check (kind in ('LATE_PAYMENT', 'DEATH_CONFIRMED')),
    proof_sha256  text        not null check (proof_sha256 ~ '^[0-9a-f]{64}$'),
    detail        text,
    recorded_by   text        not null,
    recorded_at   timestamptz not null,
    -- the order they were recorded in, even within one clock tick
    seq           bigint      generated always as identity,
    foreign key (plan_id, village_code) references village_reconciliation (plan_id, village_code)
);
create index reconciliation_correction_order on reconciliation_correction (order_id);

-- Money of failed orders going back to the state treasury (retur).
create table retur (
    order_id      uuid        primary key references payment_order (id),
    plan_id       uuid        not null,
    village_code  text        not null,
    amount        bigint      not null check (amount > 0),
    reason        text        not null,
    marked_at     timestamptz not null
);
create index retur_village on retur (plan_id, village_code);

-- A failed order is paid only by a reconciliation's late-payment correction, and an order marked for
-- return no longer changes at all.
create or replace function payment_order_transition() returns trigger language plpgsql as $$
begin
    if exists (select 1 from retur where order_id = old.id)
            and (old.status <> new.status or old.status_reason is distinct from new.status_reason) then
        raise exception 'payment order % is marked for return and can no longer change', old.id;
    end if;
    if old.status = new.status then
        return new;
    end if;
    if (old.status = 'READY' and new.status in ('PAID', 'BLOCKED', 'FAILED'))
            or (old.status = 'BLOCKED' and new.status = 'FAILED') then
        return new;
    end if;
    if old.status = 'FAILED' and new.status = 'PAID' and exists (
            select 1 from reconciliation_correction where order_id = old.id and kind = 'LATE_PAYMENT') then
        return new;
    end if;
    raise exception 'payment order % cannot go from % to %', old.id, old.status, new.status;
end $$;
