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

/** The API models of collection windows, door-to-door lists and schedules. */
public final class ScheduleApi {

    private ScheduleApi() {
    }

    /**
     * A plan's windows as local dates (WIB). BLTS Kesra 2025 in Jepara: counter from 2025-11-21, community
     * points 2025-11-25..2025-11-30, late collection at the sub-district post office until 2025-12-08,
     * reconciliation 2025-12-09..2025-12-11.
     */
    public record Windows(@NotNull @ServiceDate LocalDate counterFrom, @NotNull @ServiceDate LocalDate communityFrom,
            @NotNull @ServiceDate LocalDate communityTo, @NotNull @ServiceDate LocalDate lateUntil,
            @NotNull @ServiceDate LocalDate reconciliationFrom, @NotNull @ServiceDate LocalDate reconciliationTo) {
    }

    public record WindowsView(UUID planId, LocalDate counterFrom, LocalDate communityFrom, LocalDate communityTo,
            LocalDate lateUntil, LocalDate reconciliationFrom, LocalDate reconciliationTo, Instant collectionClosedAt,
            Instant updatedAt, String updatedBy) {
    }

    public record DoorToDoorFamily(@NotNull UUID householdId, @NotNull DoorToDoorReason reason) {
    }

    /** The village social worker's door-to-door list (added to what is already flagged). */
    public record DoorToDoorList(@NotEmpty @Size(max = 100_000) List<@Valid @NotNull DoorToDoorFamily> families) {
    }

    public record DoorToDoorResult(UUID planId, int flagged) {
    }

    public record Job(UUID id, UUID planId, String status, String phase, Integer ordersToPlace, Integer scheduled,
            Integer doorToDoor, Integer noPayPoint, Integer overCapacity, Integer bankChannel, String error,
            String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt, Long durationMs) {
    }

    /** How full a pay point is on one day. */
    public record DayLoad(String payPointCode, PayPointKind kind, String payPointName, LocalDate date, long families,
            long doorToDoor, int capacityPerDay) {
    }

    /** A family's place in a pay point's day; names and NIKs masked. */
    public record Entry(UUID orderId, UUID householdId, String villageCode, String recipientName, String recipientNik,
            int slot, LocalTime invitedAt, boolean doorToDoor, long amount, OrderStatus status) {
    }
}
