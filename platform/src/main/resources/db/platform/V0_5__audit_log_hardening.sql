-- The audit log cannot be emptied either, and "who read my data" is a lookup by subject and time.
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
create index audit_log_subject_at on audit_log (subject_id, at);
