package id.lumbung.platform.events;

import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The ministry's view of the events this service's consumers could not apply: list, read, replay after a fix,
 * or discard with a reason. Every read of a payload and every action is written to the audit log.
 */
@Path("/api/v1/quarantined-events")
@Tag(name = "Quarantined events", description = "Events this service could not apply (karantina event): list, replay, discard")
public class QuarantineResource {

    private static final String CONSUMER = "[a-z0-9][a-z0-9.-]{0,99}";

    private final Quarantine quarantine;
    private final JsonWebToken caller;

    public QuarantineResource(Quarantine quarantine, JsonWebToken caller) {
        this.quarantine = quarantine;
        this.caller = caller;
    }

    /** Why an event is given up on. */
    @Schema(name = "QuarantineDiscard", description = "Giving up on a quarantined event, with the reason")
    public record Discard(
            @NotBlank @Size(max = 500) @Schema(description = "Why the event is given up on (kept and audited)",
                    examples = "duplikat dari event yang sudah diterapkan ulang") String reason) {
    }

    @GET
    @RolesAllowed({ Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "listQuarantinedEvents", summary = "Events in quarantine, oldest first",
            description = "Events a consumer of this service could not apply (QUARANTINED) and the later events of the "
                    + "same key waiting behind them (HELD), with those already replayed or discarded. No payloads.")
    @APIResponse(responseCode = "200", description = "A page of quarantined events")
    @APIResponse(responseCode = "400", description = "A filter or page parameter out of range")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only kemensos and auditor")
    public Quarantine.Page list(
            @Parameter(description = "Only this consumer, e.g. eligibility.registry-households")
            @QueryParam("consumer") @Pattern(regexp = CONSUMER) String consumer,
            @Parameter(description = "Only this status") @QueryParam("status")
            @Pattern(regexp = "QUARANTINED|HELD|REPLAYED|DISCARDED") String status,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return quarantine.list(consumer, status, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "getQuarantinedEvent", summary = "One quarantined event with the record as received",
            description = "The payload may carry personal data (NIK, names): the read is audited.")
    @APIResponse(responseCode = "200", description = "The event, its error and its payload")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only kemensos and auditor")
    @APIResponse(responseCode = "404", description = "No such quarantined event")
    public Quarantine.Detail get(@Parameter(description = "Quarantine entry id") @PathParam("id") @Min(1) long id) {
        return quarantine.get(id);
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(operationId = "replayQuarantinedEvent", summary = "Apply a quarantined event again, after its cause is fixed",
            description = "Applies the event through its consumer, exactly once, then the events of the same key held "
                    + "behind it, in order. An event that fails again stays in quarantine with the new error "
                    + "(stillQuarantined). Only the first open event of a key can be replayed.")
    @APIResponse(responseCode = "200", description = "What took effect, and what is still in quarantine")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only kemensos")
    @APIResponse(responseCode = "404", description = "No such quarantined event")
    @APIResponse(responseCode = "409", description = "Already replayed or discarded, or waiting behind an earlier event of its key")
    @APIResponse(responseCode = "503", description = "The database is unavailable for now; try again")
    public Quarantine.Outcome replay(@Parameter(description = "Quarantine entry id") @PathParam("id") @Min(1) long id) {
        return quarantine.replay(id, caller.getName());
    }

    @POST
    @Path("/replay")
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(operationId = "replayAllQuarantinedEvents", summary = "Replay the first open event of every key",
            description = "As replay, for every key in quarantine (of one consumer, or all), oldest first, up to limit keys.")
    @APIResponse(responseCode = "200", description = "One outcome per key replayed")
    @APIResponse(responseCode = "400", description = "A filter out of range")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only kemensos")
    @APIResponse(responseCode = "503", description = "The database is unavailable for now; try again")
    public List<Quarantine.Outcome> replayAll(
            @Parameter(description = "Only this consumer") @QueryParam("consumer") @Pattern(regexp = CONSUMER) String consumer,
            @Parameter(description = "At most this many keys") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return quarantine.replayAll(consumer, caller.getName(), limit);
    }

    @POST
    @Path("/{id}/discard")
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(operationId = "discardQuarantinedEvent", summary = "Give up on a quarantined event, with a reason",
            description = "The event is never applied; it stays listed as DISCARDED with the reason. If it was the first "
                    + "open event of its key, the events held behind it are applied in order.")
    @APIResponse(responseCode = "200", description = "The held events that took effect afterwards")
    @APIResponse(responseCode = "400", description = "No reason, or one longer than 500 characters")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only kemensos")
    @APIResponse(responseCode = "404", description = "No such quarantined event")
    @APIResponse(responseCode = "409", description = "Already replayed or discarded")
    public Quarantine.Outcome discard(@Parameter(description = "Quarantine entry id") @PathParam("id") @Min(1) long id,
            @Valid @NotNull Discard request) {
        return quarantine.discard(id, request.reason(), caller.getName());
    }
}
