-- DCI (Digital Convergence Initiative) interoperability: every accepted message is a transaction kept
-- with its request and answer, so that txn/status can answer for it later.
create table dci_transaction (
    correlation_id  uuid        primary key,
    -- set by the sender; a sender may reuse it across related requests
    transaction_id  text        not null,
    message_id      text        not null,
    action          text        not null,
    sender_id       text        not null,
    sender_uri      text,
    request         jsonb       not null,
    response        jsonb,
    status          text        not null check (status in ('rcvd', 'pdng', 'succ', 'rjct')),
    -- async answers: delivery to sender_uri
    callback_status text        check (callback_status in ('PENDING', 'DELIVERED', 'FAILED')),
    callback_attempts integer   not null default 0,
    callback_error  text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
-- A message id is used once per sender: a replayed message is refused.
create unique index dci_transaction_message on dci_transaction (sender_id, message_id);
create index dci_transaction_sender_txn on dci_transaction (sender_id, transaction_id, created_at);

-- Systems whose messages must carry a valid signature: their public signing key (X.509 SubjectPublicKeyInfo
-- PEM). A sender without a row here is trusted on its bearer token alone.
create table dci_sender (
    sender_id       text        primary key,
    key_id          text        not null,
    algorithm       text        not null check (algorithm in ('ed25519')),
    public_key_pem  text        not null,
    created_at      timestamptz not null default now()
);
