package id.lumbung.registry.imports;

import java.util.List;
import java.util.UUID;

/**
 * Merges the checked households of a file into the registry, one chunk of households per transaction,
 * as set-based SQL: only what differs is written, a household that changed gets one new version, one
 * change_log row and one {@code registry.households.v1} event in the outbox; an unchanged file writes nothing.
 */
final class ImportMerge {

    static final String HOUSEHOLD_COLUMNS = "village_code, address, rt, rw, housing_tenure, floor_area_m2, floor_type, "
            + "wall_type, roof_type, water_source, toilet, electricity_va, land_area_m2, assets, livestock, monthly_income, "
            + "kks_card, desil, desil_period";
    static final String PERSON_COLUMNS = "full_name, sex, birth_date, birth_place, marital_status, education, occupation, "
            + "disability, employment, life_status, death_date";

    /** What one merge needs to know besides the tables: all values come from the service, never from the file. */
    record Context(StagingTables tables, UUID job, String today, String now, String eventTime, String source) {

        String fill(String sql) {
            return sql.replace("{GH}", tables.goodHouseholds()).replace("{GP}", tables.goodPersons())
                    .replace("{MO}", tables.movedOut()).replace("{JOB}", job.toString())
                    .replace("{TODAY}", "date '" + today + "'").replace("{NOW}", "timestamptz '" + now + "'")
                    .replace("{TIME}", eventTime).replace("{SOURCE}", source)
                    .replace("{HCOLS}", HOUSEHOLD_COLUMNS).replace("{PCOLS}", PERSON_COLUMNS);
        }
    }

    private ImportMerge() {
    }

    static String prepare(Context c) {
        return c.fill("create unlogged table {MO} (household_id uuid primary key, before_state jsonb) " + StagingTables.TRANSIENT);
    }

    /**
     * One chunk (households with ord between ? and ?, bound twice per statement where marked). The
     * {@code actor} is bound as the third parameter of the change_log statement.
     */
    static List<String> chunk(Context c) {
        return List.of(
                // households of the chunk that change: new, other attributes, a member's data, who is in it, or
                // a member who moved out to a household of an earlier chunk
                c.fill("""
                        create temp table chunk_change on commit drop as
                        with hh as (select * from {GH} where ord between ?1 and ?2),
                             pp as (select * from {GP} where ord between ?1 and ?2)
                        select hh.household_id, hh.existing, hh.ord from hh
                        where not hh.existing
                           or hh.household_id in (
                                select e.id from hh join household e on e.id = hh.household_id
                                where (e.village_code, e.address, e.rt, e.rw, e.housing_tenure, e.floor_area_m2, e.floor_type,
                                       e.wall_type, e.roof_type, e.water_source, e.toilet, e.electricity_va, e.land_area_m2,
                                       e.assets, e.livestock, e.monthly_income, e.kks_card, e.desil, e.desil_period)
                                      is distinct from
                                      (hh.village_code, hh.address, hh.rt, hh.rw, hh.housing_tenure, hh.floor_area_m2, hh.floor_type,
                                       hh.wall_type, hh.roof_type, hh.water_source, hh.toilet, hh.electricity_va, hh.land_area_m2,
                                       hh.assets, hh.livestock, hh.monthly_income, hh.kks_card, hh.desil, hh.desil_period)
                                union all
                                select pp.household_id from pp join person p on p.nik = pp.nik
                                where (p.full_name, p.sex, p.birth_date, p.birth_place, p.marital_status, p.education,
                                       p.occupation, p.disability, p.employment, p.life_status, p.death_date)
                                      is distinct from
                                      (pp.full_name, pp.sex, pp.birth_date, pp.birth_place, pp.marital_status, pp.education,
                                       pp.occupation, pp.disability, pp.employment, pp.life_status, pp.death_date)
                                union all
                                select pp.household_id from pp
                                left join membership m on m.nik = pp.nik and m.valid_to is null
                                where m.id is null or m.household_id <> pp.household_id or m.relationship <> pp.relationship
                                union all
                                select m.household_id from hh join membership m on m.household_id = hh.household_id and m.valid_to is null
                                where hh.existing
                                  and not exists (select 1 from {GP} g where g.household_id = m.household_id and g.nik = m.nik)
                                union all
                                select household_id from {MO})"""),
                c.fill("""
                        create temp table chunk_before on commit drop as
                        select s.household_id, s.state
                        from import_household_states(array(select household_id from chunk_change where existing)) s"""),
                // households outside this chunk that lose a member to it: their state before, once
                c.fill("""
                        insert into {MO} (household_id, before_state)
                        select s.household_id, s.state
                        from import_household_states(array(
                                select distinct m.household_id from {GP} pp
                                join membership m on m.nik = pp.nik and m.valid_to is null
                                where pp.ord between ?1 and ?2 and m.household_id <> pp.household_id
                                  and not exists (select 1 from {GH} g where g.household_id = m.household_id and g.ord between ?1 and ?2))) s
                        on conflict (household_id) do nothing"""),
                insertHouseholds(c),
                c.fill("""
                        update household e
                        set ({HCOLS}) = (hh.village_code, hh.address, hh.rt, hh.rw, hh.housing_tenure,
                               hh.floor_area_m2, hh.floor_type, hh.wall_type, hh.roof_type, hh.water_source, hh.toilet,
                               hh.electricity_va, hh.land_area_m2, hh.assets, hh.livestock, hh.monthly_income, hh.kks_card,
                               hh.desil, hh.desil_period),
                            version = e.version + 1, updated_at = {NOW}
                        from {GH} hh join chunk_change x on x.household_id = hh.household_id and x.existing
                        where e.id = hh.household_id"""),
                upsertPersons(c),
                // membership is history: a move, a new relationship or leaving the card closes the current row
                c.fill("""
                        update membership m set valid_to = greatest({TODAY}, m.valid_from)
                        from (select m2.id from {GP} pp join membership m2 on m2.nik = pp.nik and m2.valid_to is null
                              where pp.ord between ?1 and ?2
                                and (m2.household_id <> pp.household_id or m2.relationship <> pp.relationship)
                              union
                              select m2.id from {GH} hh join membership m2 on m2.household_id = hh.household_id and m2.valid_to is null
                              where hh.ord between ?1 and ?2 and hh.existing
                                and not exists (select 1 from {GP} g where g.household_id = m2.household_id and g.nik = m2.nik)) x
                        where m.id = x.id"""),
                c.fill("""
                        insert into membership (household_id, nik, relationship, valid_from)
                        select pp.household_id, pp.nik, pp.relationship, {TODAY}
                        from {GP} pp
                        where pp.ord between ?1 and ?2
                          and not exists (select 1 from membership m where m.nik = pp.nik and m.valid_to is null)
                        order by pp.ord, pp.member_index, pp.line_no"""),
                c.fill("""
                        create temp table chunk_after on commit drop as
                        select s.household_id, x.existing, x.ord, s.state
                        from import_household_states(array(select household_id from chunk_change)) s
                        join chunk_change x on x.household_id = s.household_id"""),
                changeLog(c, "chunk_after", "'bulk import {JOB}'"),
                outbox(c, "chunk_after"));
    }

    /**
     * One chunk of fresh households (new card, no member in a family): everything in it is new, so there is
     * nothing to compare, close or take a state before of, and the state after is read from the staged rows
     * themselves with the same {@code household_document} that {@code import_household_states} uses.
     */
    static List<String> freshChunk(Context c) {
        return List.of(
                c.fill("""
                        create temp table chunk_change on commit drop as
                        select hh.household_id, false as existing, hh.ord from {GH} hh where hh.ord between ?1 and ?2"""),
                "create temp table chunk_before (household_id uuid, state jsonb) on commit drop",
                insertHouseholds(c),
                upsertPersons(c),
                c.fill("""
                        insert into membership (household_id, nik, relationship, valid_from)
                        select pp.household_id, pp.nik, pp.relationship, {TODAY}
                        from {GP} pp
                        where pp.ord between ?1 and ?2
                        order by pp.ord, pp.member_index, pp.line_no"""),
                c.fill("""
                        create temp table chunk_after on commit drop as
                        with members as (
                            select pp.household_id,
                                   jsonb_agg(household_member_document(pp.nik, pp.full_name, pp.sex, pp.birth_date,
                                                 pp.relationship, pp.disability, pp.employment, pp.life_status, pp.death_date)
                                             order by pp.member_index, pp.line_no) as members
                            from {GP} pp where pp.ord between ?1 and ?2
                            group by pp.household_id)
                        select hh.household_id, false as existing, hh.ord,
                               household_document(hh.household_id, hh.no_kk, hh.village_code, hh.desil, hh.desil_period,
                                                  'ACTIVE', 0, hh.kks_card, hh.monthly_income, m.members) as state
                        from {GH} hh left join members m on m.household_id = hh.household_id
                        where hh.ord between ?1 and ?2"""),
                changeLog(c, "chunk_after", "'bulk import {JOB}'"),
                outbox(c, "chunk_after"));
    }

    /** After the last chunk: households outside the file that lost a member, one new version and event each. */
    static List<String> others(Context c) {
        return List.of(
                c.fill("""
                        create temp table chunk_change on commit drop as
                        select mo.household_id, true as existing, 0::bigint as ord from {MO} mo
                        where not exists (select 1 from {GH} g where g.household_id = mo.household_id)"""),
                c.fill("""
                        update household e set version = e.version + 1, updated_at = {NOW}
                        from chunk_change x where e.id = x.household_id"""),
                c.fill("""
                        create temp table chunk_after on commit drop as
                        select s.household_id, x.existing, x.ord, s.state
                        from import_household_states(array(select household_id from chunk_change)) s
                        join chunk_change x on x.household_id = s.household_id"""),
                c.fill("create temp table chunk_before on commit drop as select household_id, before_state as state from {MO}"),
                changeLog(c, "chunk_after", "'a member moved to another family card in bulk import {JOB}'"),
                outbox(c, "chunk_after"));
    }

    /** The chunk's new households, in file order. */
    private static String insertHouseholds(Context c) {
        return c.fill("""
                insert into household (id, no_kk, {HCOLS}, status, version, created_at, updated_at)
                select hh.household_id, hh.no_kk, hh.village_code, hh.address, hh.rt, hh.rw, hh.housing_tenure,
                       hh.floor_area_m2, hh.floor_type, hh.wall_type, hh.roof_type, hh.water_source, hh.toilet,
                       hh.electricity_va, hh.land_area_m2, hh.assets, hh.livestock, hh.monthly_income, hh.kks_card,
                       hh.desil, hh.desil_period, 'ACTIVE', 0, {NOW}, {NOW}
                from {GH} hh join chunk_change x on x.household_id = hh.household_id and not x.existing
                order by hh.ord""");
    }

    /** The chunk's persons: new ones inserted, known ones updated only where a value differs. */
    private static String upsertPersons(Context c) {
        return c.fill("""
                insert into person (nik, {PCOLS}, version, created_at, updated_at)
                select pp.nik, pp.full_name, pp.sex, pp.birth_date, pp.birth_place, pp.marital_status, pp.education,
                       pp.occupation, pp.disability, pp.employment, pp.life_status, pp.death_date, 0, {NOW}, {NOW}
                from {GP} pp where pp.ord between ?1 and ?2
                order by pp.nik
                on conflict (nik) do update
                set ({PCOLS}) = (excluded.full_name, excluded.sex, excluded.birth_date, excluded.birth_place,
                       excluded.marital_status, excluded.education, excluded.occupation, excluded.disability,
                       excluded.employment, excluded.life_status, excluded.death_date),
                    version = person.version + 1, updated_at = excluded.updated_at
                where (person.full_name, person.sex, person.birth_date, person.birth_place, person.marital_status,
                       person.education, person.occupation, person.disability, person.employment, person.life_status,
                       person.death_date)
                      is distinct from
                      (excluded.full_name, excluded.sex, excluded.birth_date, excluded.birth_place,
                       excluded.marital_status, excluded.education, excluded.occupation, excluded.disability,
                       excluded.employment, excluded.life_status, excluded.death_date)""");
    }

    private static String changeLog(Context c, String after, String reason) {
        return c.fill("""
                insert into change_log (entity, entity_id, action, actor, reason, before_state, after_state, changed_at)
                select 'household', a.household_id::text, case when a.existing then 'UPDATED' else 'REGISTERED' end, ?,
                       %s, coalesce(mo.before_state, b.state), a.state, {NOW}
                from %s a
                left join chunk_before b on b.household_id = a.household_id
                left join {MO} mo on mo.household_id = a.household_id
                order by a.ord""".formatted(reason, after));
    }

    /** The same CloudEvent JSON the platform Outbox writes, built in SQL. */
    private static String outbox(Context c, String after) {
        return c.fill("""
                with e as materialized (
                    select a.household_id, a.ord, a.state, gen_random_uuid() as id,
                           case when a.existing then 'id.lumbung.registry.household.updated'
                                else 'id.lumbung.registry.household.registered' end as type
                    from %s a)
                insert into outbox_event (id, topic, event_key, event_type, payload)
                select e.id, 'registry.households.v1', e.household_id::text, e.type,
                       jsonb_build_object('specversion', '1.0', 'id', e.id::text, 'source', '{SOURCE}', 'type', e.type,
                                          'subject', e.household_id::text, 'time', '{TIME}',
                                          'datacontenttype', 'application/json', 'data', e.state)
                from e
                order by e.ord""".formatted(after));
    }
}
