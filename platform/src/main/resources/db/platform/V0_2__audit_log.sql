-- Append-only record of every operator read or change of personal data.
create table audit_log (
    id          bigserial   primary key,
    at          timestamptz not null default now(),
    actor       text        not null,
    roles       text        not null,
    action      text        not null,
    subject     text        not null,
    subject_id  text        not null,
    detail      text
);
create index audit_log_subject on audit_log (subject, subject_id);
create index audit_log_actor on audit_log (actor, at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only();
