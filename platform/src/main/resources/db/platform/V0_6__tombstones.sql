-- A tombstone (a record with a key and a null value) erases its key from a compacted topic. The outbox keeps
-- it as a row without payload: id, type and key travel as CloudEvents binary-mode headers (ce_id, ce_type, ...).
alter table outbox_event alter column payload drop not null;

-- A tombstone a consumer could not apply yet is kept like any event; its payload is empty.
alter table event_quarantine add column tombstone boolean not null default false;
