-- What the quarantine test's consumer does per event, in order; the check stands for a rule an event can break.
create table test_applied (
    n        bigserial primary key,
    event_id text   not null,
    key      text   not null,
    seq      bigint not null constraint test_applied_seq_in_range check (seq < 1000000)
);
