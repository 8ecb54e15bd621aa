-- Every DCI message a sender sends is taken once: a message_id seen before from the same sender is refused
-- (rjct.message_id.duplicate), so a replayed request cannot be answered twice. No personal data is kept here.
create table dci_message (
    sender_id   text        not null,
    message_id  text        not null,
    action      text        not null,
    received_at timestamptz not null default now(),
    primary key (sender_id, message_id)
);
