-- The member facts the rules read, as columns, so a batch determination is set-based SQL over this table
-- instead of a walk over every household's members document. Position (not NIK) keys a member: the rules
-- count every member the registry sent, even a repeated NIK.
delete from projection_member;
alter table projection_member drop constraint projection_member_pkey;
alter table projection_member
    add column position    integer not null,
    add column disability  text,
    add column employment  text[]  not null default '{}',
    add primary key (household_id, position);
-- the rules only ever look at counted (living, not moved) members
create index projection_member_counted on projection_member (household_id) include (birth_date, disability, employment)
    where life_status = 'ALIVE';

insert into projection_member (household_id, position, nik, full_name, village_code, sex, birth_date, relationship,
                               life_status, disability, employment)
select h.household_id, e.ord, e.m ->> 'nik', upper(e.m ->> 'fullName'), h.village_code, e.m ->> 'sex',
       (btrim(e.m ->> 'birthDate'))::date, e.m ->> 'relationship', btrim(e.m ->> 'lifeStatus'), e.m ->> 'disability',
       array(select jsonb_array_elements_text(case when jsonb_typeof(e.m -> 'employment') = 'array'
                                                   then e.m -> 'employment' else '[]' end))
from household_projection h, jsonb_array_elements(h.members) with ordinality as e(m, ord);
