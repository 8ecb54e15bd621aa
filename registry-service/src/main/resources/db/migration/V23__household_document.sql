-- The registry.households.v1 document (HouseholdEvents.HouseholdState and its members) in one place for every
-- writer in SQL: import_household_states reads it from the registry tables, the bulk import's fresh chunks from
-- the staged rows they are about to insert. Plain expressions, so PostgreSQL inlines them.
create function household_member_document(nik text, full_name text, sex text, birth_date date, relationship text,
                                          disability text, employment text[], life_status text, death_date date)
returns jsonb language sql stable parallel safe as $$
    select jsonb_build_object(
               'nik', nik, 'fullName', full_name, 'sex', sex, 'birthDate', birth_date, 'relationship', relationship,
               'disability', disability, 'employment', to_jsonb(employment), 'lifeStatus', life_status,
               'deathDate', death_date) $$;

create function household_document(id uuid, no_kk text, village_code text, desil smallint, desil_period text,
                                   status text, version bigint, kks_card boolean, monthly_income bigint, members jsonb)
returns jsonb language sql stable parallel safe as $$
    select jsonb_build_object(
               'householdId', id, 'noKk', no_kk, 'villageCode', village_code, 'desil', desil,
               'desilPeriod', desil_period, 'status', status, 'version', version, 'kksCard', kks_card,
               'monthlyIncome', monthly_income, 'members', coalesce(members, '[]'::jsonb)) $$;

create or replace function import_household_states(ids uuid[]) returns table (household_id uuid, state jsonb)
language sql stable as $$
    with members as (
        select m.household_id,
               jsonb_agg(household_member_document(p.nik, p.full_name, p.sex, p.birth_date, m.relationship,
                                                   p.disability, p.employment, p.life_status, p.death_date)
                         order by m.id) as members
        from unnest(ids) i (id)
        join membership m on m.household_id = i.id and m.valid_to is null
        join person p on p.nik = m.nik
        group by m.household_id)
    select h.id, household_document(h.id, h.no_kk, h.village_code, h.desil, h.desil_period, h.status, h.version,
                                    h.kks_card, h.monthly_income, m.members)
    from unnest(ids) i (id)
    join household h on h.id = i.id
    left join members m on m.household_id = h.id $$;
