-- The undangan: one per order, with a random 128-bit code (RFC 4648 base32, 26 characters) that the
-- counter scans to find the order. Unguessable, so a code not in this table is forged.
create table invitation (
    order_id  uuid        primary key references payment_order (id),
    code      text        not null unique check (code ~ '^[A-Z2-7]{26}$'),
    issued_at timestamptz not null
);
