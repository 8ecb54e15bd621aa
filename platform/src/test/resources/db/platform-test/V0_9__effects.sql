-- What the fault test's consumer does per event: not idempotent by itself, so a repeat would show.
create table test_effect (
    event_id text not null,
    seq      bigint not null
);
create table test_counter (
    id int primary key,
    n  bigint not null
);
insert into test_counter values (1, 0);
