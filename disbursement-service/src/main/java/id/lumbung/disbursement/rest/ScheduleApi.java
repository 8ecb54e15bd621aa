package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.DoorToDoorReason;
import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.domain.PayPointKind;
import id.lumbung.platform.validation.ServiceDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of collection windows, door-to-door lists and schedules. */
public final class ScheduleApi {

    private ScheduleApi() {
    }

    /**
     * A plan's windows as local dates (WIB). BLTS Kesra 2025 in Jepara: counter from 2025-11-21, community
     * points 2025-11-25..2025-11-30, late collection at the sub-district post office until 2025-12-08,
     * reconciliation 2025-12-09..2025-12-11.
     */
    @Schema(name = "CollectionWindows", description = "A plan's collection windows as local dates (WIB), each between "
            + "2000-01-01 and 2099-12-31; each stage starts after the one before it. BLTS Kesra 2025 in Jepara: counter "
            + "from 2025-11-21, community points 2025-11-25 to 2025-11-30, late collection at the sub-district post "
            + "office until 2025-12-08, reconciliation 2025-12-09 to 2025-12-11.")
    public record Windows(@NotNull @ServiceDate LocalDate counterFrom, @NotNull @ServiceDate LocalDate communityFrom,
            @NotNull @ServiceDate LocalDate communityTo, @NotNull @ServiceDate LocalDate lateUntil,
            @NotNull @ServiceDate LocalDate reconciliationFrom, @NotNull @ServiceDate LocalDate reconciliationTo) {
    }

    @Schema(name = "CollectionWindowsView", description = "A plan's collection windows as set, and whether its "
            + "collection has been closed.")
    public record WindowsView(UUID planId, LocalDate counterFrom, LocalDate communityFrom, LocalDate communityTo,
            LocalDate lateUntil, LocalDate reconciliationFrom, LocalDate reconciliationTo, Instant collectionClosedAt,
            @Schema(description = "When the windows were last set", examples = "2025-11-15T03:20:00Z") Instant updatedAt,
            @Schema(description = "Who last set them (token name)", examples = "dinsos.jepara") String updatedBy) {
    }

    @Schema(name = "DoorToDoorFamily", description = "A family the village social worker puts on the door-to-door round, "
            + "with the reason.")
    public record DoorToDoorFamily(@NotNull UUID householdId,
            @NotNull @Schema(description = "Why the family cannot come: ELDERLY, DISABLED, SICK or REMOTE",
                    examples = "ELDERLY") DoorToDoorReason reason) {
    }

    /** The village social worker's door-to-door list (added to what is already flagged). */
    @Schema(name = "DoorToDoorList", description = "The village social worker's door-to-door list. It is added to what "
            + "is already flagged (a family listed again gets the new reason); each household at most once.")
    public record DoorToDoorList(
            @NotEmpty @Size(max = 100_000) @Schema(description = "The families to flag, 1 to 100,000")
            List<@Valid @NotNull DoorToDoorFamily> families) {
    }

    @Schema(name = "DoorToDoorResult", description = "How many families were flagged for the door-to-door round.")
    public record DoorToDoorResult(UUID planId,
            @Schema(description = "Families flagged or re-flagged by this request", examples = "37") int flagged) {
    }

    @Schema(name = "ScheduleJob", description = "A background generation of a plan's schedule: status, phase, counts "
            + "and duration. Counts are set once the job is DONE.")
    public record Job(
            @Schema(description = "The job's id", examples = "488c75b8-073b-4079-b089-47ca10ebccef") UUID id,
            UUID planId,
            @Schema(description = "QUEUED, RUNNING, DONE or FAILED", enumeration = { "QUEUED", "RUNNING", "DONE", "FAILED" },
                    examples = "DONE") String status,
            @Schema(description = "Where the job is: QUEUED, COUNTING, ASSIGNING, DONE or FAILED",
                    enumeration = { "QUEUED", "COUNTING", "ASSIGNING", "DONE", "FAILED" }, examples = "DONE") String phase,
            @Schema(description = "Unpaid Pos orders (status READY, channel POS) to place", examples = "22930")
            Integer ordersToPlace,
            @Schema(description = "Orders given a pay point and a day", examples = "22893") Integer scheduled,
            @Schema(description = "Of those, families on a door-to-door round", examples = "37") Integer doorToDoor,
            @Schema(description = "Orders left out: no pay point of the right kind serves their village", examples = "0")
            Integer noPayPoint,
            @Schema(description = "Orders left out: their pay point's days are full (capacity per day × days)",
                    examples = "0") Integer overCapacity,
            @Schema(description = "Unpaid orders paid by the banks onto the KKS card, not scheduled", examples = "18317")
            Integer bankChannel,
            @Schema(description = "Why the job FAILED (exception and first line of its message)",
                    examples = "PersistenceException: could not execute statement") String error,
            @Schema(description = "Who asked for the generation (token name)", examples = "dinsos.jepara") String requestedBy,
            @Schema(description = "When it was asked for", examples = "2025-11-17T02:00:00Z") Instant requestedAt,
            @Schema(description = "When it started running", examples = "2025-11-17T02:00:00.120Z") Instant startedAt,
            @Schema(description = "When it finished (DONE or FAILED)", examples = "2025-11-17T02:00:04.870Z") Instant finishedAt,
            @Schema(description = "How long it ran, in milliseconds", examples = "4750") Long durationMs) {
    }

    /** How full a pay point is on one day. */
    @Schema(name = "PayPointDayLoad", description = "How full a pay point is on one day: families invited (within the "
            + "caller's scope) against its capacity per day.")
    public record DayLoad(String payPointCode,
            @Schema(description = "Kind of the pay point", examples = "COMMUNITY_POINT") PayPointKind kind,
            String payPointName,
            @Schema(description = "The collection day (WIB)", examples = "2025-11-25") LocalDate date,
            @Schema(description = "Families invited that day", examples = "400") long families,
            @Schema(description = "Of those, families visited at home", examples = "0") long doorToDoor,
            int capacityPerDay) {
    }

    /** A family's place in a pay point's day; names and NIKs masked. */
    @Schema(name = "ScheduledFamily", description = "A family's place in a pay point's day, in queue order; names and "
            + "NIKs masked.")
    public record ScheduledFamily(UUID orderId, UUID householdId, String villageCode,
            @Schema(description = "The recipient's name, masked: first and last letter of each word",
                    examples = "S**I A****H") String recipientName,
            @Schema(description = "The recipient's NIK, masked: the district of first registration stays",
                    examples = "332006**********") String recipientNik,
            int slot, LocalTime invitedAt, boolean doorToDoor, long amount,
            @Schema(description = "Where the order stands now (a family that has collected shows PAID)",
                    examples = "READY") OrderStatus status) {
    }

    @Schema(name = "ScheduledFamilyPage", description = "A page of a pay point's day, in queue order")
    public record ScheduledFamilyPage(List<ScheduledFamily> items, int page, int size, long total) {
    }
}
