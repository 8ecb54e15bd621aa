-- An async DCI transaction is answered by the replica that acknowledged it, which holds its lease
-- (job_lease kind 'dci-transaction') until the answer is delivered or given up. What another replica
-- needs to answer it when that replica stops: the caller's region scope taken from its token and the
-- address the answer goes to.
alter table dci_transaction
    add column scope jsonb,
    add column callback_uri text;

create index dci_transaction_callback_pending on dci_transaction (created_at) where callback_status = 'PENDING';
