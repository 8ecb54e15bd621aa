-- Systems that registered a message-signing key for the DCI IBR API: their messages must carry a valid
-- signature (Ed25519, X.509 SubjectPublicKeyInfo PEM). Senders without a row are trusted on their token alone.
create table dci_sender (
    sender_id       text        primary key,
    key_id          text        not null,
    algorithm       text        not null check (algorithm in ('ed25519')),
    public_key_pem  text        not null,
    created_at      timestamptz not null default now()
);

-- Enrolment changes since a time: a recorded tolak or upheld sanggah ends an enrolment.
create index complaint_finding_recorded on complaint_finding (recorded_at);
create index beneficiary_list_finalized on beneficiary_list (finalized_at) where status = 'FINALIZED';
