-- Events a consumer could not apply for a reason retrying cannot cure (constraint, size, schema, unknown
-- type, a bug). The consumer goes on with the next event; later events of the same key wait here behind the
-- first (HELD) so that state never moves past a hole. The ministry replays or discards them through the API.
create table event_quarantine (
    id             bigserial   primary key,
    consumer       text        not null,
    topic          text        not null,
    partition_no   integer,
    record_offset  bigint,
    -- the CloudEvents id, or topic/partition@offset for a record that is not a CloudEvent
    event_id       text        not null,
    event_key      text,
    event_type     text,
    payload        bytea       not null,
    status         text        not null check (status in ('QUARANTINED', 'HELD', 'REPLAYED', 'DISCARDED')),
    error          text        not null,
    attempts       integer     not null default 1,
    quarantined_at timestamptz not null default now(),
    resolved_at    timestamptz,
    resolved_by    text,
    resolution     text,
    unique (consumer, event_id)
);
create index event_quarantine_open on event_quarantine (consumer, event_key, id)
    where status in ('QUARANTINED', 'HELD');
