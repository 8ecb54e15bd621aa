package id.lumbung.registry.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API models of bulk imports. */
public final class ImportApi {

    private ImportApi() {
    }

    /** An import job as the caller follows it: where it is, how fast it goes, what it found. */
    public record JobView(UUID id, String format, String status, String phase, long rowsRead, long rowsDone,
            long badRows, Double rowsPerSecond, Long etaSeconds, long householdsCreated, long householdsUpdated,
            long householdsUnchanged, long otherHouseholdsUpdated, String message, Instant createdAt,
            Instant startedAt, Instant finishedAt) {
    }

    /** A bad row: the file and line it came from, the field, a stable code and a sentence; identifiers masked. */
    public record RowError(String file, long line, String field, String code, String reason, String value) {
    }

    public record ErrorPage(List<RowError> items, int page, int size, long total) {
    }
}
