package id.lumbung.registry.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of bulk imports. */
public final class ImportApi {

    private ImportApi() {
    }

    /** An import job as the caller follows it: where it is, how fast it goes, what it found. */
    @Schema(name = "ImportJob", description = "A bulk import of a DTSEN extract as the caller follows it: where it is, "
            + "how fast it goes, what it found and what it changed.")
    public record JobView(
            @Schema(description = "Import id", examples = "9e3b1f6a-2c4d-4a8e-b7f0-6d5c4b3a2918") UUID id,
            @Schema(description = "NDJSON (one file) or CSV (households.csv, then persons.csv)",
                    enumeration = { "NDJSON", "CSV" }, examples = "CSV") String format,
            @Schema(description = "QUEUED until the rows are checked, RUNNING while checked and merged, then COMPLETED or "
                    + "FAILED", enumeration = { "QUEUED", "RUNNING", "COMPLETED", "FAILED" }, examples = "RUNNING")
            String status,
            @Schema(description = "The step: UPLOADING, AWAITING_PERSONS (a CSV pair waits for persons.csv), QUEUED, "
                    + "VALIDATING, MERGING, DONE or FAILED", enumeration = { "UPLOADING", "AWAITING_PERSONS", "QUEUED",
                    "VALIDATING", "MERGING", "DONE", "FAILED" }, examples = "MERGING") String phase,
            @Schema(description = "Lines read from the uploaded files so far", examples = "1250000") long rowsRead,
            @Schema(description = "Lines checked and merged so far", examples = "750000") long rowsDone,
            @Schema(description = "Lines refused; each is listed with its reasons in the error report", examples = "312")
            long badRows,
            @Schema(description = "Lines done per second since the job started", examples = "41666.7") Double rowsPerSecond,
            @Schema(description = "Seconds left at the current rate (0 once finished); absent before the first rows are "
                    + "done", examples = "12") Long etaSeconds,
            @Schema(description = "Households registered by this import", examples = "250000") long householdsCreated,
            @Schema(description = "Households of the file that were already registered and changed", examples = "1200")
            long householdsUpdated,
            @Schema(description = "Households of the file already registered exactly as in the file", examples = "48")
            long householdsUnchanged,
            @Schema(description = "Households outside the file that changed because members of theirs are on a KK of the "
                    + "file now", examples = "15") long otherHouseholdsUpdated,
            @Schema(description = "Why a FAILED job failed", examples = "interrupted by a restart of the service; upload "
                    + "the file again") String message,
            @Schema(description = "When the upload began", examples = "2025-12-01T02:00:00Z") Instant createdAt,
            @Schema(description = "When checking began", examples = "2025-12-01T02:01:10Z") Instant startedAt,
            @Schema(description = "When the job completed or failed", examples = "2025-12-01T02:06:40Z") Instant finishedAt) {
    }

    /** A bad row: the file and line it came from, the field, a stable code and a sentence; identifiers masked. */
    @Schema(name = "ImportRowError", description = "A refused line of an import: the file and line it came from, the field, "
            + "a stable code and a sentence; NIK and No. KK are masked.")
    public record RowError(
            @Schema(description = "The file the line is in", enumeration = { "households.ndjson", "households.csv",
                    "persons.csv" }, examples = "persons.csv") String file,
            @Schema(description = "Line number in the file, the header line being 1 for CSV", examples = "1043") long line,
            @Schema(description = "The field at fault: its JSON name for NDJSON, its column for CSV; absent for a line that "
                    + "could not be read at all", examples = "nik") String field,
            @Schema(description = "Stable code of the rule broken, e.g. INVALID_NIK, NIK_MISMATCH, UNKNOWN_VILLAGE, ONE_HEAD, "
                    + "MEMBER_REJECTED", examples = "NIK_MISMATCH") String code,
            @Schema(description = "The rule in a sentence an operator understands",
                    examples = "NIK does not encode the declared sex and birth date (DDMMYY, day + 40 for women)")
            String reason,
            @Schema(description = "The value found, NIK and No. KK masked", examples = "332004**********") String value) {
    }

    @Schema(name = "ImportErrorPage", description = "One page of an import's refused lines, by file and line.")
    public record ErrorPage(List<RowError> items, int page, int size, long total) {
    }
}
