package id.lumbung.registry.imports;

import id.lumbung.registry.domain.FieldBounds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The checks a DTSEN extract's rows must pass, as set-based SQL over the staged rows. Each check is one
 * line of a VALUES list: a condition, the field, a stable code and a sentence; every failing check of
 * every row becomes an {@code import_error} row. A household goes in only with all its members clean.
 */
final class ImportValidation {

    static final List<String> RELATIONSHIPS = List.of("KEPALA_KELUARGA", "SUAMI", "ISTRI", "ANAK", "MENANTU", "CUCU",
            "ORANG_TUA", "MERTUA", "FAMILI_LAIN", "LAINNYA");
    static final List<String> EMPLOYMENT = List.of("ASN", "TNI", "POLRI", "PENSIUNAN_ASN", "PENSIUNAN_TNI",
            "PENSIUNAN_POLRI", "PENDAMPING_SOSIAL", "GURU_BERSERTIFIKAT", "PENGHASILAN_APBN_APBD", "PEGAWAI_BUMN",
            "PERANGKAT_DESA");

    private ImportValidation() {
    }

    /** Reads the staged text into typed columns; a value that does not read stays null next to its raw text. */
    static List<String> read(StagingTables t) {
        var statements = new ArrayList<String>();
        statements.add(filled(t.householdsRead(), """
                select h.line_no, h.parse_error,
                       nullif(btrim(h.no_kk), '') as no_kk,
                       import_region_code(h.village_code) as village_code,
                       nullif(btrim(h.address), '') as address,
                       nullif(btrim(h.rt), '') as rt,
                       nullif(btrim(h.rw), '') as rw,
                       nullif(btrim(h.housing_tenure), '') as housing_tenure,
                       nullif(btrim(h.floor_area_m2), '') as floor_area_raw,
                       case when btrim(h.floor_area_m2) ~ '^[0-9]{1,7}(\\.[0-9]+)?$' then round(btrim(h.floor_area_m2)::numeric, 1) end as floor_area_m2,
                       nullif(btrim(h.floor_type), '') as floor_type,
                       nullif(btrim(h.wall_type), '') as wall_type,
                       nullif(btrim(h.roof_type), '') as roof_type,
                       nullif(btrim(h.water_source), '') as water_source,
                       nullif(btrim(h.toilet), '') as toilet,
                       nullif(btrim(h.electricity_va), '') as electricity_raw,
                       case when btrim(h.electricity_va) ~ '^[0-9]{1,9}$' then btrim(h.electricity_va)::int end as electricity_va,
                       nullif(btrim(h.land_area_m2), '') as land_area_raw,
                       case when btrim(h.land_area_m2) ~ '^[0-9]{1,9}(\\.[0-9]+)?$' then round(btrim(h.land_area_m2)::numeric, 1) end as land_area_m2,
                       case when coalesce(btrim(h.assets), '') = '' then '{}'::text[] else import_list(h.assets, false) end as assets,
                       nullif(btrim(h.livestock), '') as livestock_raw,
                       case when h.livestock is null or btrim(h.livestock) = '' then '{}'::jsonb
                            else import_livestock(h.livestock) end as livestock,
                       nullif(btrim(h.monthly_income), '') as income_raw,
                       case when btrim(h.monthly_income) ~ '^[0-9]{1,15}$' then btrim(h.monthly_income)::bigint end as monthly_income,
                       nullif(btrim(h.kks_card), '') as kks_raw,
                       case when coalesce(btrim(h.kks_card), '') = '' then false
                            when lower(btrim(h.kks_card)) in ('true', '1', 'ya') then true
                            when lower(btrim(h.kks_card)) in ('false', '0', 'tidak') then false end as kks_card,
                       nullif(btrim(h.desil), '') as desil_raw,
                       case when btrim(h.desil) ~ '^(10|[1-9])$' then btrim(h.desil)::smallint end as desil,
                       nullif(btrim(h.desil_period), '') as desil_period
                from %s h""".formatted(t.households())));
        statements.add(filled(t.personsRead(), """
                select p.line_no, p.member_index, p.parse_error,
                       nullif(btrim(p.no_kk), '') as no_kk,
                       nullif(btrim(p.nik), '') as nik,
                       coalesce(btrim(p.nik) ~ '^[0-9]{16}$' and btrim(p.nik) !~ '0000$', false) as nik_shape,
                       substr(btrim(p.nik), 1, 2) || '.' || substr(btrim(p.nik), 3, 2) || '.' || substr(btrim(p.nik), 5, 2) as district,
                       upper(nullif(btrim(p.full_name), '')) as full_name,
                       upper(nullif(btrim(p.sex), '')) as sex,
                       nullif(btrim(p.birth_date), '') as birth_date_raw,
                       import_date(btrim(p.birth_date)) as birth_date,
                       nullif(btrim(p.birth_place), '') as birth_place,
                       upper(nullif(btrim(p.relationship), '')) as relationship,
                       nullif(btrim(p.marital_status), '') as marital_status,
                       nullif(btrim(p.education), '') as education,
                       nullif(btrim(p.occupation), '') as occupation,
                       nullif(btrim(p.disability), '') as disability,
                       case when coalesce(btrim(p.employment), '') = '' then '{}'::text[]
                            else import_list(p.employment, true) end as employment,
                       coalesce(upper(nullif(btrim(p.life_status), '')), 'ALIVE') as life_status,
                       nullif(btrim(p.death_date), '') as death_date_raw,
                       import_date(btrim(p.death_date)) as death_date
                from %s p""".formatted(t.persons())));
        statements.add("analyze " + t.householdsRead());
        statements.add("analyze " + t.personsRead());
        return statements;
    }

    /**
     * A working table filled by one CREATE TABLE AS, which PostgreSQL reads with parallel workers when every
     * function in it is parallel safe (an INSERT ... SELECT it would run on one core).
     */
    static String filled(String table, String select) {
        return "create unlogged table " + table + " " + StagingTables.TRANSIENT + " as\n" + select;
    }

    /** The checks, as statements that write import_error rows. */
    static List<String> checks(StagingTables t, UUID job, boolean ndjson, List<String> scopePatterns, LocalDate today) {
        String hFile = ndjson ? ImportFormat.NDJSON.file() : ImportFormat.HOUSEHOLDS_CSV.file();
        String pFile = ndjson ? ImportFormat.NDJSON.file() : ImportFormat.PERSONS_CSV.file();
        // members belong to the line they came on (NDJSON) or to their household by No. KK (CSV pair)
        String memberKey = ndjson ? "line_no" : "no_kk";
        String scope = scopePatterns == null ? "true"
                : "h.village_code like any (array[" + String.join(", ", scopePatterns.stream().map(ImportValidation::literal).toList()) + "])";
        String field = ndjson ? "'members[' || p.member_index || '].' || c.camel" : "c.snake";
        String hField = ndjson ? "c.camel" : "c.snake";
        String relationships = array(RELATIONSHIPS);
        String employment = array(EMPLOYMENT);
        String todayLiteral = "date '" + today + "'";
        String households = """
                select '%1$s'::uuid as job_id, '%2$s' as file, h.line_no, %3$s as field, c.code, c.reason, c.value
                from %4$s h
                left join region v on v.code = h.village_code and v.level = 4
                left join (select %5$s as k, count(*) as n, count(*) filter (where relationship = 'KEPALA_KELUARGA') as heads
                           from %6$s where parse_error is null group by %5$s) m on m.k = h.%5$s
                left join (select no_kk, count(*) as n from %4$s where parse_error is null group by no_kk) kk on kk.no_kk = h.no_kk
                %8$s""".formatted(job, hFile, hField, t.householdsRead(), memberKey, t.personsRead(), scope, lateral(List.of(
                new Check("h.parse_error is not null",
                        "null, null, 'MALFORMED_ROW', h.parse_error, null"),
                new Check("h.parse_error is null and (h.no_kk is null or h.no_kk !~ '^[0-9]{16}$')",
                        "'noKk', 'no_kk', 'INVALID_NO_KK', 'No. KK must be exactly 16 digits', import_mask(h.no_kk)"),
                new Check("h.parse_error is null and v.code is null",
                        "'villageCode', 'village_code', 'UNKNOWN_VILLAGE', 'not a Kemendagri village code (PP.KK.CC.DDDD)', h.village_code"),
                new Check("h.parse_error is null and v.code is not null and not (" + scope + ")",
                        "'villageCode', 'village_code', 'OUT_OF_SCOPE', 'the village is outside the regions you may import into', h.village_code"),
                new Check("h.parse_error is null and h.address is null",
                        "'address', 'address', 'MISSING_FIELD', 'address is required', null"),
                new Check("h.parse_error is null and not ((h.desil_raw is null and h.desil_period is null) or (h.desil is not null and coalesce(h.desil_period, '') ~ '^20[0-9]{2}-Q[1-4]$'))",
                        "'desil', 'desil', 'INVALID_DESIL', 'desil is 1 to 10 together with its period like 2025-Q4 (2000–2099), or both are empty', coalesce(h.desil_raw, '') || '/' || coalesce(h.desil_period, '')"),
                new Check("h.parse_error is null and h.floor_area_raw is not null and h.floor_area_m2 is null",
                        "'socioEconomic.floorAreaM2', 'floor_area_m2', 'INVALID_NUMBER', 'floor area must be a number of square metres', h.floor_area_raw"),
                new Check("h.parse_error is null and h.land_area_raw is not null and h.land_area_m2 is null",
                        "'socioEconomic.landAreaM2', 'land_area_m2', 'INVALID_NUMBER', 'land area must be a number of square metres', h.land_area_raw"),
                new Check("h.parse_error is null and h.electricity_raw is not null and h.electricity_va is null",
                        "'socioEconomic.electricityVa', 'electricity_va', 'INVALID_NUMBER', 'electricity must be a whole number of VA', h.electricity_raw"),
                new Check("h.parse_error is null and h.income_raw is not null and h.monthly_income is null",
                        "'socioEconomic.monthlyIncome', 'monthly_income', 'INVALID_NUMBER', 'monthly income must be whole rupiah', h.income_raw"),
                new Check("h.parse_error is null and h.kks_raw is not null and h.kks_card is null",
                        "'socioEconomic.kksCard', 'kks_card', 'INVALID_BOOLEAN', 'KKS card is true or false', h.kks_raw"),
                new Check("h.parse_error is null and h.livestock is null",
                        "'socioEconomic.livestock', 'livestock', 'INVALID_LIVESTOCK', 'livestock looks like KAMBING=2;SAPI=1', h.livestock_raw"),
                new Check("h.parse_error is null and (length(h.address) > " + FieldBounds.ADDRESS + " or length(h.rt) > "
                        + FieldBounds.RT_RW + " or length(h.rw) > " + FieldBounds.RT_RW + ")",
                        "'address', 'address', 'TOO_LONG', 'address is at most " + FieldBounds.ADDRESS + " characters, RT and RW at most "
                        + FieldBounds.RT_RW + "', length(h.address)::text"),
                new Check("h.parse_error is null and greatest(length(h.housing_tenure), length(h.floor_type), length(h.wall_type), "
                        + "length(h.roof_type), length(h.water_source), length(h.toilet)) > " + FieldBounds.ATTRIBUTE,
                        "'socioEconomic', 'housing_tenure', 'TOO_LONG', 'housing tenure, floor, wall, roof, water source and toilet are at most "
                        + FieldBounds.ATTRIBUTE + " characters each', null"),
                new Check("h.parse_error is null and (cardinality(h.assets) > " + FieldBounds.LIST_ITEMS
                        + " or (cardinality(h.assets) > 0 and (select max(length(a)) from unnest(h.assets) a) > " + FieldBounds.ATTRIBUTE
                        + ") or (h.livestock is not null and h.livestock <> '{}'::jsonb and (select count(*) from jsonb_object_keys(h.livestock)) > "
                        + FieldBounds.LIST_ITEMS + "))",
                        "'socioEconomic.assets', 'assets', 'TOO_MANY', 'at most " + FieldBounds.LIST_ITEMS + " assets of at most "
                        + FieldBounds.ATTRIBUTE + " characters, and " + FieldBounds.LIST_ITEMS + " livestock kinds', cardinality(h.assets)::text"),
                new Check("h.parse_error is null and (h.floor_area_m2 > " + FieldBounds.AREA_MAX + " or h.land_area_m2 > " + FieldBounds.AREA_MAX
                        + " or h.electricity_va > " + FieldBounds.ELECTRICITY_VA_MAX + " or h.monthly_income > " + FieldBounds.INCOME_MAX + ")",
                        "'socioEconomic', 'floor_area_m2', 'OUT_OF_RANGE', 'areas are at most " + FieldBounds.AREA_MAX
                        + " m², electricity at most " + FieldBounds.ELECTRICITY_VA_MAX + " VA and monthly income at most Rp"
                        + FieldBounds.INCOME_MAX + "', null"),
                new Check("h.parse_error is null and kk.n > 1",
                        "'noKk', 'no_kk', 'DUPLICATE_NO_KK', 'the same No. KK is on more than one line of the file', import_mask(h.no_kk)"),
                new Check("h.parse_error is null and m.n is null",
                        "'members', 'members', 'NO_MEMBERS', 'a family has at least one member', null"),
                new Check("h.parse_error is null and m.heads <> 1",
                        "'members', 'members', 'ONE_HEAD', 'a family has exactly one KEPALA_KELUARGA, this one has ' || m.heads, null"))));
        String persons = """
                select '%1$s'::uuid as job_id, '%2$s' as file, p.line_no, %3$s as field, c.code, c.reason, c.value
                from %4$s p
                left join region d on d.code = p.district and d.level = 3
                -- NIKs seen more than once (gathered before): on two cards, or twice on one
                left join %7$s dup on dup.nik = p.nik
                left join (select w.nik, w.no_kk from %4$s w join %7$s d on d.nik = w.nik where w.parse_error is null
                           group by w.nik, w.no_kk having count(*) > 1) same on same.nik = p.nik and same.no_kk = p.no_kk
                left join (select distinct no_kk from %5$s) kk on kk.no_kk = p.no_kk
                %6$s""".formatted(job, pFile, field, t.personsRead(), t.householdsRead(), lateral(List.of(
                new Check("p.parse_error is not null",
                        "null, null, 'MALFORMED_ROW', p.parse_error, null"),
                new Check("p.parse_error is null and not coalesce(p.nik_shape, false)",
                        "'nik', 'nik', 'INVALID_NIK', 'NIK must be exactly 16 digits with a serial from 0001', import_mask(p.nik)"),
                new Check("p.parse_error is null and p.nik_shape and d.code is null",
                        "'nik', 'nik', 'UNKNOWN_DISTRICT', 'NIK district code ' || p.district || ' is not a Kemendagri district', import_mask(p.nik)"),
                new Check("p.parse_error is null and p.full_name is null",
                        "'fullName', 'full_name', 'MISSING_FIELD', 'full name is required', null"),
                new Check("p.parse_error is null and length(p.full_name) > " + FieldBounds.NAME,
                        "'fullName', 'full_name', 'TOO_LONG', 'full name is at most " + FieldBounds.NAME + " characters', length(p.full_name)::text"),
                new Check("p.parse_error is null and greatest(length(p.birth_place), length(p.marital_status), length(p.education), "
                        + "length(p.occupation), length(p.disability)) > " + FieldBounds.ATTRIBUTE,
                        "'birthPlace', 'birth_place', 'TOO_LONG', 'birth place, marital status, education, occupation and disability are at most "
                        + FieldBounds.ATTRIBUTE + " characters each', null"),
                new Check("p.parse_error is null and coalesce(p.sex, '') not in ('MALE', 'FEMALE')",
                        "'sex', 'sex', 'INVALID_SEX', 'sex is MALE or FEMALE', p.sex"),
                new Check("p.parse_error is null and p.birth_date is null",
                        "'birthDate', 'birth_date', 'INVALID_DATE', 'birth date must be a date like 1985-07-01', p.birth_date_raw"),
                new Check("p.parse_error is null and p.birth_date > " + todayLiteral + "",
                        "'birthDate', 'birth_date', 'BORN_IN_FUTURE', 'birth date is in the future', p.birth_date_raw"),
                new Check("p.parse_error is null and p.nik_shape and p.sex in ('MALE', 'FEMALE') and p.birth_date is not null and substr(p.nik, 7, 6) <> lpad((extract(day from p.birth_date)::int + case when p.sex = 'FEMALE' then 40 else 0 end)::text, 2, '0') || to_char(p.birth_date, 'MMYY')",
                        "'nik', 'nik', 'NIK_MISMATCH', 'NIK does not encode the declared sex and birth date (DDMMYY, day + 40 for women)', import_mask(p.nik)"),
                new Check("p.parse_error is null and (p.relationship is null or p.relationship <> all (" + relationships + "))",
                        "'relationship', 'relationship', 'UNKNOWN_RELATIONSHIP', 'relationship must be one of ' || array_to_string(" + relationships + ", ', '), p.relationship"),
                new Check("p.parse_error is null and not (p.employment <@ " + employment + ")",
                        "'employment', 'employment', 'UNKNOWN_EMPLOYMENT', 'employment facts must be among ' || array_to_string(" + employment + ", ', '), array_to_string(p.employment, ';')"),
                new Check("p.parse_error is null and (p.life_status not in ('ALIVE', 'DECEASED', 'MOVED') or (p.death_date_raw is not null and p.death_date is null) or (p.life_status = 'DECEASED') <> (p.death_date is not null))",
                        "'lifeStatus', 'life_status', 'INVALID_LIFE_STATUS', 'life status is ALIVE, MOVED or DECEASED, and only DECEASED has a death date (like 2024-03-01)', p.life_status || '/' || coalesce(p.death_date_raw, '')"),
                new Check("p.parse_error is null and coalesce(dup.two_kk, false)",
                        "'nik', 'nik', 'NIK_ON_TWO_KK', 'the same NIK is on two family cards in this file', import_mask(p.nik)"),
                new Check("p.parse_error is null and same.nik is not null",
                        "'nik', 'nik', 'DUPLICATE_NIK', 'the same NIK appears twice on one family card', import_mask(p.nik)"),
                new Check((ndjson ? "false" : "true") + " and p.parse_error is null and kk.no_kk is null",
                        "'noKk', 'no_kk', 'UNKNOWN_KK', 'No. KK is on no line of households.csv', import_mask(p.no_kk)"))),
                t.duplicateNiks());
        var statements = new ArrayList<String>();
        statements.addAll(collected(t, households));
        // NIKs seen twice, gathered once before the check: inside it each parallel worker would gather them again
        statements.add(filled(t.duplicateNiks(), """
                select nik, min(no_kk) <> max(no_kk) as two_kk from %s where parse_error is null
                group by nik having count(*) > 1""".formatted(t.personsRead())));
        statements.add("analyze " + t.duplicateNiks());
        statements.addAll(collected(t, persons));
        statements.add("drop table " + t.duplicateNiks());
        if (ndjson) {
            return statements;
        }
        // CSV pair: a rejected member rejects its family card, and a rejected family card its members
        String memberRejected = """
                insert into import_error (job_id, file, line_no, field, code, reason, value)
                select '%1$s', 'households.csv', h.line_no, 'members', 'MEMBER_REJECTED',
                       'a member was rejected (persons.csv line ' || min(p.line_no) || ')', import_mask(h.no_kk)
                from %2$s h
                join %3$s p on p.no_kk = h.no_kk
                where exists (select 1 from import_error e where e.job_id = '%1$s' and e.file = 'persons.csv' and e.line_no = p.line_no)
                group by h.line_no, h.no_kk""".formatted(job, t.householdsRead(), t.personsRead());
        String householdRejected = """
                insert into import_error (job_id, file, line_no, field, code, reason, value)
                select '%1$s', 'persons.csv', p.line_no, 'no_kk', 'HOUSEHOLD_REJECTED',
                       'its family card was rejected (households.csv line ' || min(h.line_no) || ')', import_mask(p.no_kk)
                from %3$s p
                join %2$s h on h.no_kk = p.no_kk
                where exists (select 1 from import_error e where e.job_id = '%1$s' and e.file = 'households.csv' and e.line_no = h.line_no)
                  and not exists (select 1 from import_error e where e.job_id = '%1$s' and e.file = 'persons.csv' and e.line_no = p.line_no)
                group by p.line_no, p.no_kk""".formatted(job, t.householdsRead(), t.personsRead());
        statements.add(memberRejected);
        statements.add(householdRejected);
        return statements;
    }

    /**
     * A check's failing rows are gathered by a parallel CREATE TABLE AS, then added to the job's report.
     */
    private static List<String> collected(StagingTables t, String select) {
        var statements = new ArrayList<>(List.of(filled(t.checkErrors(), select)));
        statements.add("insert into import_error (job_id, file, line_no, field, code, reason, value)\n"
                + "select job_id, file, line_no, field, code, reason, value from " + t.checkErrors() + " order by line_no");
        statements.add("drop table " + t.checkErrors());
        return statements;
    }

    /** The households that passed, with their registry id (the active household of the same No. KK keeps its id). */
    static List<String> good(StagingTables t, UUID job, boolean ndjson) {
        String hFile = ndjson ? ImportFormat.NDJSON.file() : ImportFormat.HOUSEHOLDS_CSV.file();
        String memberKey = ndjson ? "line_no" : "no_kk";
        // fresh: a new card whose members are in no family now; its merge touches no row another household's does
        var statements = new ArrayList<String>(List.of("""
                create unlogged table %1$s %7$s as
                select h.*, coalesce(e.id, gen_random_uuid()) as household_id, e.id is not null as existing,
                       e.id is null and moving.k is null as fresh,
                       row_number() over (order by e.id is null and moving.k is null desc, h.line_no) as ord
                from %2$s h
                left join household e on e.no_kk = h.no_kk and e.status = 'ACTIVE'
                left join (select distinct p.%5$s as k from %6$s p
                           join membership m on m.nik = p.nik and m.valid_to is null) moving on moving.k = h.%5$s
                where not exists (select 1 from import_error x where x.job_id = '%3$s' and x.file = '%4$s' and x.line_no = h.line_no)
                """.formatted(t.goodHouseholds(), t.householdsRead(), job, hFile, memberKey, t.personsRead(), StagingTables.TRANSIENT),
                "create index on " + t.goodHouseholds() + " (ord)",
                "create unique index on " + t.goodHouseholds() + " (household_id)"));
        statements.add(filled(t.goodPersons(), """
                select p.*, g.household_id, g.ord, g.existing
                from %s p join %s g on g.%3$s = p.%3$s""".formatted(t.personsRead(), t.goodHouseholds(), memberKey)));
        statements.addAll(List.of(
                "create index on " + t.goodPersons() + " (ord)",
                "create index on " + t.goodPersons() + " (household_id, nik)",
                "analyze " + t.goodHouseholds(),
                "analyze " + t.goodPersons()));
        return statements;
    }

    /** One check: the condition that marks a row bad, then field names, code, reason and value as SQL. */
    private record Check(String bad, String report) {
    }

    /**
     * The checks as a lateral VALUES list, behind a filter that lets only failing rows reach it: most rows
     * pass, and building reasons and masked values for every check of every row cost more than the checks.
     */
    private static String lateral(List<Check> checks) {
        return "cross join lateral (values\n"
                + String.join(",\n", checks.stream().map(c -> "    (" + c.bad() + ", " + c.report() + ")").toList())
                + "\n) c (bad, camel, snake, code, reason, value)\n"
                + "where (" + String.join("\n    or ", checks.stream().map(c -> "(" + c.bad() + ") is true").toList()) + ")\n"
                + "  and c.bad";
    }

    private static String array(List<String> values) {
        return "array[" + String.join(", ", values.stream().map(ImportValidation::literal).toList()) + "]::text[]";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
