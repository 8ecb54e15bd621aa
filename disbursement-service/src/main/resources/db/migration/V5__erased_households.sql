-- A household erased from the registry (registered in error) is paid nothing more: its unpaid orders are
-- blocked with reason ERASED.
alter table payment_order drop constraint payment_order_status_reason_check;
alter table payment_order add constraint payment_order_status_reason_check check (status_reason in
    ('DECEASED', 'MOVED', 'NOT_COLLECTED', 'NOT_FOUND', 'UNABLE_TO_COME', 'RECLASSIFIED', 'REFUSED', 'ERASED'));
