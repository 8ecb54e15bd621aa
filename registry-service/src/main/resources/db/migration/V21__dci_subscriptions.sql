-- DCI event subscriptions: another system asks to be told (registry/notify) when households in its regions
-- are registered, updated, deleted, linked or unlinked.
create table dci_subscription (
    id                  uuid        primary key,
    -- the subscription code the subscriber unsubscribes with (DCI SubscriptionCode)
    code                text        not null unique,
    sender_id           text        not null,
    transaction_id      text        not null,
    reference_id        text        not null,
    -- DCI reg_event_type values: register, update, delete, link, unlink
    event_types         text[]      not null,
    -- region-code prefixes the subscriber hears of; always within its token's scope; empty = national
    region_prefixes     text[]      not null,
    filter_type         text,
    filter              jsonb,
    notify_record_type  text        not null,
    notify_uri          text        not null,
    status              text        not null check (status in ('ACTIVE', 'ENDED')),
    created_at          timestamptz not null,
    ended_at            timestamptz
);
create index dci_subscription_sender on dci_subscription (sender_id, status);

-- Every registry/notify message owed to a subscriber, with its delivery attempts: one per subscription
-- and registry event.
create table dci_notification (
    id                  uuid        primary key,
    subscription_id     uuid        not null references dci_subscription (id),
    event_id            text        not null,
    reg_event_type      text        not null,
    household_id        uuid        not null,
    body                jsonb       not null,
    status              text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts            integer     not null default 0,
    last_error          text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    unique (subscription_id, event_id)
);
create index dci_notification_pending on dci_notification (created_at) where status = 'PENDING';
