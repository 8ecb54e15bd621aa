-- One determination per household x program x period, replaced on every re-evaluation: eligible or not,
-- every reason, and the rule version and registry version it was computed from.
create table determination (
    id                bigserial   primary key,
    household_id      uuid        not null references household_projection (household_id),
    program_code      text        not null references program (code),
    period            text        not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
    village_code      text        not null,
    eligible          boolean     not null,
    -- [{code, id, en}]: empty when eligible
    reasons           jsonb       not null default '[]',
    rule_version_id   bigint      not null references program_rule_version (id),
    rule_version      integer     not null,
    registry_version  bigint      not null,
    determined_at     timestamptz not null,
    unique (household_id, program_code, period)
);
-- beneficiary lists read the eligible households of a program period by region
create index determination_eligible on determination (program_code, period, village_code text_pattern_ops) where eligible;
