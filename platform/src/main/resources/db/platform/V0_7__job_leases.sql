-- Background jobs (imports, determination runs, schedule generation) are leased by the replica that runs them.
-- It renews the lease while it lives; once a lease has expired (the replica crashed or lost the database) another
-- replica takes the job over, resuming or failing it cleanly. Times are the database's, shared by every replica.
create table job_lease (
    kind         text        not null,
    job_id       text        not null,
    owner        text        not null,
    acquired_at  timestamptz not null,
    renewed_at   timestamptz not null,
    expires_at   timestamptz not null,
    primary key (kind, job_id)
);
create index job_lease_owner on job_lease (owner);

-- Scheduled sweeps run once per tick across the replicas: the one that records the tick runs it.
create table scheduled_tick (
    name       text        primary key,
    tick       bigint      not null,
    ran_by     text        not null,
    ran_at     timestamptz not null
);
