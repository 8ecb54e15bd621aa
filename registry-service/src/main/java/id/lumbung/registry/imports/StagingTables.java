package id.lumbung.registry.imports;

import java.util.List;
import java.util.UUID;

/**
 * The per-job tables of an import. Staging holds the rows as uploaded (one UNLOGGED partition per job of
 * {@code import_household_row} / {@code import_person_row}); working tables hold them read and checked.
 * All are dropped when the job ends: the job row and its bad-row report are what remains.
 */
record StagingTables(UUID job) {

    /** Household columns a file may carry, in staging order; NDJSON fields map onto them. */
    static final List<String> HOUSEHOLD_COLUMNS = List.of("no_kk", "village_code", "address", "rt", "rw",
            "housing_tenure", "floor_area_m2", "floor_type", "wall_type", "roof_type", "water_source", "toilet",
            "electricity_va", "land_area_m2", "assets", "livestock", "monthly_income", "kks_card", "desil",
            "desil_period");
    static final List<String> HOUSEHOLD_REQUIRED = List.of("no_kk", "village_code", "address");

    static final List<String> PERSON_COLUMNS = List.of("no_kk", "nik", "full_name", "sex", "birth_date",
            "birth_place", "relationship", "marital_status", "education", "occupation", "disability", "employment",
            "life_status", "death_date");
    static final List<String> PERSON_REQUIRED = List.of("no_kk", "nik", "full_name", "sex", "birth_date",
            "relationship");

    private String suffix() {
        return job.toString().replace("-", "");
    }

    /** Staged household rows of this job. */
    String households() {
        return "import_hh_" + suffix();
    }

    /** Staged person rows of this job. */
    String persons() {
        return "import_pr_" + suffix();
    }

    /** Households read and normalised. */
    String householdsRead() {
        return "import_wh_" + suffix();
    }

    String personsRead() {
        return "import_wp_" + suffix();
    }

    /** Households that passed every check, with their registry id. */
    String goodHouseholds() {
        return "import_gh_" + suffix();
    }

    String goodPersons() {
        return "import_gp_" + suffix();
    }

    /** Households outside the chunk being merged that lost a member who moved into a household of the file. */
    String movedOut() {
        return "import_mo_" + suffix();
    }

    /** The bad-row reports of one check statement, before they join the job's report. */
    String checkErrors() {
        return "import_ce_" + suffix();
    }

    /** NIKs on more than one line of the file. */
    String duplicateNiks() {
        return "import_dn_" + suffix();
    }

    /**
     * Storage options of every per-job table: autovacuum would vacuum and analyse millions of rows that live
     * for minutes, on the core the import needs; the import analyses what its plans depend on itself.
     */
    static final String TRANSIENT = "with (autovacuum_enabled = false, toast.autovacuum_enabled = false)";

    List<String> createStaging() {
        return List.of(
                "create unlogged table " + households() + " partition of import_household_row (job_id default '" + job
                        + "') for values in ('" + job + "') " + TRANSIENT,
                "create unlogged table " + persons() + " partition of import_person_row (job_id default '" + job
                        + "') for values in ('" + job + "') " + TRANSIENT);
    }

    List<String> dropAll() {
        return List.of(households(), persons(), householdsRead(), personsRead(), goodHouseholds(), goodPersons(),
                movedOut(), checkErrors(), duplicateNiks()).stream().map(t -> "drop table if exists " + t).toList();
    }
}
