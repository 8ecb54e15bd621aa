-- A batch determination of one program period over every projected household, run in chunks of households
-- (by id range) with its progress, so an operator can watch it and a restart shows what was left undone.
create table determination_run (
    id            uuid        primary key,
    program_code  text        not null references program (code),
    period        text        not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
    status        text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    -- households in the projection when the run started, and how many chunks have gone through
    total         bigint      not null,
    done          bigint      not null default 0,
    -- determinations decided, of them eligible, and how many changed (each change is one event)
    decided       bigint      not null default 0,
    eligible      bigint      not null default 0,
    changed       bigint      not null default 0,
    -- wall time spent so far, for the rate and the estimate (not the application clock: it measures work)
    elapsed_ms    bigint      not null default 0,
    error         text,
    requested_by  text        not null,
    requested_at  timestamptz not null,
    finished_at   timestamptz
);
-- one run of a program period at a time
create unique index determination_run_running on determination_run (program_code, period) where status = 'RUNNING';
