-- Token buckets shared by every replica: N instances allow what one does. The client is a hash of its address.
create table rate_limit_bucket (
    scope      text             not null,
    client     text             not null,
    tokens     double precision not null,
    updated_at timestamptz      not null,
    primary key (scope, client)
);
create index rate_limit_bucket_updated on rate_limit_bucket (updated_at);
