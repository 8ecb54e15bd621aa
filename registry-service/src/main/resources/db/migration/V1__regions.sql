-- pg_trgm is a trusted extension: the database owner may create it (spelling-tolerant name search).
create extension if not exists pg_trgm;

-- Kemendagri regions (wilayah): province → regency/city → district → village. Loaded by V2.
create table region (
    code        text     primary key,
    name        text     not null,
    level       smallint not null check (level between 1 and 4),
    parent_code text     references region (code)
);
create index region_parent on region (parent_code);
create index region_name_trgm on region using gin (lower(name) gin_trgm_ops);
