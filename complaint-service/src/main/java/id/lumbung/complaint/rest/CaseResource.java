package id.lumbung.complaint.rest;

import id.lumbung.complaint.domain.CaseNumber;
import id.lumbung.complaint.domain.CaseStatus;
import id.lumbung.complaint.domain.CaseType;
import id.lumbung.complaint.service.Actor;
import id.lumbung.complaint.service.CaseService;
import id.lumbung.complaint.service.SlaService;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.limits.RateLimits;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cases")
@Tag(name = "Cases", description = "Aduan, usul, sanggah and tolak: submission, tracking, handling and SLAs")
public class CaseResource {

    private final CaseService cases;
    private final SlaService sla;
    private final RegionScope scope;
    private final JsonWebToken caller;
    private final RateLimits limits;
    private final RateLimits.Limit anonymous;
    private final RateLimits.Limit tracking;

    public CaseResource(CaseService cases, SlaService sla, RegionScope scope, JsonWebToken caller, RateLimits limits,
            @ConfigProperty(name = "lumbung.cases.public-rate-limit.capacity", defaultValue = "5") int capacity,
            @ConfigProperty(name = "lumbung.cases.public-rate-limit.per-minute", defaultValue = "2") int perMinute,
            @ConfigProperty(name = "lumbung.cases.track-rate-limit.capacity", defaultValue = "20") int trackCapacity,
            @ConfigProperty(name = "lumbung.cases.track-rate-limit.per-minute", defaultValue = "10") int trackPerMinute) {
        this.limits = limits;
        // tracking by number and secret: enough for a citizen checking back, too few to probe secrets
        this.tracking = new RateLimits.Limit("case-tracking", trackCapacity, trackPerMinute, "case lookups");
        // citizens without a token: a few cases at once per address, shared by every replica
        this.anonymous = new RateLimits.Limit("public-case", capacity, perMinute, "case submissions");
        this.cases = cases;
        this.sla = sla;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @Operation(operationId = "submitCase", summary = "Submit a case: aduan, usul, sanggah or tolak",
            description = """
                    Records a new case (pengaduan, usulan, sanggahan or tolak/mundur) and routes it to its first team: a \
                    sanggah to the regency/city social office (Dinas Sosial), which verifies it; an aduan, usul or tolak to \
                    the village operator (operator desa) of its village.

                    Citizens submit through APP, WEB or WHATSAPP without a token. Without a token, submissions are \
                    rate-limited per client address, in a bucket shared by every replica (429 with Retry-After). WALK_IN \
                    and CALL_CENTER cases are entered on the reporter's behalf by a village operator, the social office or \
                    the ministry with a bearer token; whenever an operator's token is sent, its regions must cover the \
                    case's village.

                    Rules by kind: only an aduan may be anonymous (no reporter); a sanggah and a tolak name the household \
                    and the program; only a sanggah carries sanggah details (reason, statement, house photo with \
                    coordinates), and it may only concern a recipient in the reporter's own village: when eligibility has \
                    determined the household for that program, the household must live in the case's village and be a \
                    listed recipient.

                    The case number (ADU-, USL-, SGH- or TLK-yyyy-nnnnnn) runs per kind and calendar year (WIB). \
                    verifyDueAt is set for an aduan (3 days) and a sanggah (14 days, after which an unverified sanggah \
                    becomes VOID); the periods are configuration. The answer carries the secret that, with the number, \
                    lets the reporter follow the case (trackCase): it is shown only in this answer and stored only as a \
                    hash. Location points at the operators' view of the case. Not idempotent: every call records a new \
                    case. Nothing is published at submission: the outcome of a sanggah, tolak or usul is published when \
                    the case is resolved (actOnCase).""")
    @APIResponse(responseCode = "201", description = "The case is recorded and routed; the secret is shown only here",
            headers = @Header(name = "Location", description = "The operators' address of the new case",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2000)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseApi.Submitted.class)))
    @APIResponse(responseCode = "400", description = "The body breaks the contract or a rule of its kind: a missing or "
            + "malformed field, an unknown village, an anonymous case other than an aduan, a sanggah or tolak without "
            + "household or program, sanggah details missing or on another kind, a sanggah about another village than "
            + "the reporter's or about a household that is not a listed recipient there; nothing was written")
    @APIResponse(responseCode = "401", description = "A WALK_IN or CALL_CENTER case sent without a bearer token, or a "
            + "bearer token that is not valid")
    @APIResponse(responseCode = "403", description = "A WALK_IN or CALL_CENTER case entered by a caller who is not a "
            + "village operator, social office or ministry, or an operator's case for a village outside its regions")
    @APIResponse(responseCode = "429", description = "Too many cases without a token from this address: wait the seconds "
            + "in Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before submitting again",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "86400")))
    public Response submit(@Valid @NotNull CaseApi.SubmitCase request, UriInfo uri, @Context HttpServerRequest http) {
        Optional<Actor> operator = Actor.levelOf(caller.getGroups()).map(level -> new Actor(caller.getName(), level, scope));
        if (caller.getRawToken() == null) {
            limits.acquire(anonymous, http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        }
        if (caller.getRawToken() != null && operator.isEmpty() && request.channel().enteredByOperator()) {
            throw ProblemException.forbidden("only a village operator, social office or ministry enters " + request.channel() + " cases");
        }
        var submitted = cases.submit(request, operator);
        return Response.created(uri.getAbsolutePathBuilder().path(submitted.number()).build()).entity(submitted).build();
    }

    @GET
    @Path("/track")
    @PermitAll
    @Operation(operationId = "trackCase", summary = "Follow one's own case by its number and secret",
            description = """
                    Pantau kasus: the reporter's own view of a case, without a token, found by the case number and the \
                    secret given at submission. The answer is masked: the reporter's NIK shows only its district digits, \
                    and it carries no names, notes, assignee or sanggah details; the timeline lists each step that moved \
                    the case (not assignments or notes) with the status after it. A wrong number and a wrong secret get \
                    the same 404, so neither can be probed. Reads only.""")
    @APIResponse(responseCode = "200", description = "The case as the reporter may see it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseApi.TrackedCase.class)))
    @APIResponse(responseCode = "400", description = "number or secret missing, blank or too long")
    @APIResponse(responseCode = "404", description = "No case matches this number and secret (the same answer for a wrong "
            + "number and a wrong secret)")
    @APIResponse(responseCode = "429", description = "Too many lookups from this address: wait the seconds in Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before looking again",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "86400")))
    public CaseApi.TrackedCase track(@Context HttpServerRequest http,
            @Parameter(description = "The case number given at submission", example = "ADU-2025-000123")
            @QueryParam("number") @NotBlank @Size(max = 18) String number,
            @Parameter(description = "The secret given at submission, as shown then (20 characters)",
                    example = "q3ZyY1b0Xk2mN8pR4tWv")
            @QueryParam("secret") @NotBlank @Size(max = 64) String secret) {
        limits.acquire(tracking, http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        return cases.track(number, secret);
    }

    @GET
    @Path("/sla-breaches")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "getSlaBreaches", summary = "Service-level breaches within the caller's regions",
            description = """
                    Pelanggaran SLA: how many cases missed each service level, and which, as it stands now, within the \
                    caller's regions (village operator: its village; social office: its regency/city; ministry and \
                    auditor: the whole country). The rules, with their default periods (configuration): SANGGAH_VERIFY, \
                    a sanggah is verified within 14 days of submission or becomes VOID; ADUAN_VERIFY, an aduan is \
                    verified within 3 days; ADUAN_FOLLOW_UP, an aduan is decided within 5 days of its verification. A \
                    rule met late still counts as a breach; stillOpen counts the breaches not met yet on cases still \
                    open. At most 500 cases are listed, earliest due first. Reads only.""")
    @APIResponse(responseCode = "200", description = "Counts per rule and the breached cases",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseApi.SlaSummary.class)))
    public CaseApi.SlaSummary breaches() {
        return sla.summary(scope);
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "listCases", summary = "List cases within the caller's regions, newest first",
            description = """
                    Daftar kasus: the cases whose village lies within the caller's regions (village operator: its \
                    village; social office: its regency/city; ministry and auditor: the whole country), newest submission \
                    first, optionally narrowed by status, kind and region. The reporter's NIK is masked. Every search is \
                    written to the audit log.""")
    @APIResponse(responseCode = "200", description = "A page of cases")
    @APIResponse(responseCode = "400", description = "An unknown status or kind, a malformed region code, or a page or "
            + "size out of range")
    @APIResponse(responseCode = "403", description = "The caller's role may not read cases, or villageCode lies outside "
            + "the caller's regions")
    @APIResponse(responseCode = "404", description = "page or size is not a whole number (a query value that cannot be "
            + "read as one is answered as no resource at this address)")
    public CaseApi.CasePage list(
            @Parameter(description = "Only cases in this status (any letter case)", example = "SUBMITTED",
                    schema = @Schema(implementation = CaseStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only cases of this kind (any letter case)", example = "SANGGAH",
                    schema = @Schema(implementation = CaseType.class))
            @QueryParam("type") String type,
            @Parameter(description = "Only cases in this region: a village code, or a district, regency/city or province "
                    + "code for every village in it; it must lie within the caller's regions", example = "33.20.01.2001")
            @QueryParam("villageCode") @Size(max = 13) @Pattern(regexp = CaseApi.REGION, message = "must be a region code like 33.20 or 33.20.01.2001")
            String villageCode,
            @Parameter(description = "Page number, from 0", example = "0")
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "Cases per page", example = "20")
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return cases.list(parse(CaseStatus.class, "status", status), parse(CaseType.class, "type", type),
                villageCode == null || villageCode.isBlank() ? null : RegionCode.of(villageCode), page, size, actor());
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "getCase", summary = "Get a case with its history, SLA and the actions the caller may take",
            description = """
                    Detail kasus: a case within the caller's regions with its reporter (NIK masked), the team and assignee \
                    handling it, its due dates and missed service levels, its full history, allowedActions (what the \
                    caller may do now: nothing for the auditor, only NOTE for a village operator once the social office \
                    handles the case) and, for an aduan about a household, why the household does or does not receive \
                    each program (the same answer as getAidExplanation). Every read is written to the audit log.""")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseApi.CaseView.class)))
    @APIResponse(responseCode = "400", description = "The number is not a case number (ADU-, USL-, SGH- or TLK-yyyy-nnnnnn)")
    @APIResponse(responseCode = "403", description = "The caller's role may not read cases, or the case's village lies "
            + "outside the caller's regions")
    @APIResponse(responseCode = "404", description = "No case has this number")
    public CaseApi.CaseView get(@Parameter(description = "The case number", example = "SGH-2025-000123")
            @PathParam("number") @Pattern(regexp = CaseNumber.PATTERN, message = "must be a case number like SGH-2025-000123") String number) {
        return cases.find(number, actor());
    }

    @POST
    @Path("/{number}/actions")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "actOnCase", summary = "Act on a case: verify, decide, close, appeal, escalate, assign or note",
            description = """
                    Tindak lanjut kasus: applies one action through the case's state machine, SUBMITTED → VERIFYING → \
                    RESOLVED or REJECTED → CLOSED:

                    - VERIFY starts verifying a SUBMITTED case; for an aduan it sets followUpDueAt (decide within 5 days). \
                    A sanggah past its 14-day window can no longer be verified.
                    - RESOLVE decides a VERIFYING case in the reporter's favour (sanggah upheld, tolak or usul accepted, \
                    aduan settled), REJECT against it; both record the finding.
                    - CLOSE closes a RESOLVED or REJECTED case.
                    - APPEAL (banding): the reporter disagrees, and a decided case goes back to VERIFYING, within 10 days \
                    of the decision.
                    - ESCALATE hands an open case from the village operator to the regency/city social office and clears \
                    the assignee.
                    - ASSIGN gives an open case to an operator of the team.
                    - NOTE adds a note; always possible.
                    - VOID ends a sanggah nobody verified in time (the SLA sweep does this by itself).

                    The case must lie within the caller's regions; once the social office handles a case, a village \
                    operator may only add notes. A refused action names currentStatus and allowedActions in the problem. \
                    Resolving a sanggah, tolak or usul publishes its outcome (SANGGAH_UPHELD, TOLAK_ACCEPTED or \
                    USUL_ACCEPTED) on complaint.outcomes.v1 in the same transaction. Every action is kept in the case's \
                    history and written to the audit log. Not idempotent: a NOTE sent twice is kept twice, and a \
                    transition sent twice is refused the second time (409).""")
    @APIResponse(responseCode = "200", description = "The case after the action, with the actions allowed now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseApi.CaseView.class)))
    @APIResponse(responseCode = "400", description = "An unknown action, a malformed body or case number, or what the "
            + "action needs is missing: the assignee for ASSIGN, a note for NOTE, REJECT and APPEAL, the finding for "
            + "RESOLVE and, for a usul without one, the registered household's id")
    @APIResponse(responseCode = "403", description = "The caller's role may not act on cases (the auditor only reads), the "
            + "case's village lies outside the caller's regions, or a village operator acts other than by NOTE on a case "
            + "the social office handles (the problem names currentStatus and allowedActions)")
    @APIResponse(responseCode = "404", description = "No case has this number")
    @APIResponse(responseCode = "409", description = "The action is not allowed in the case's state: e.g. RESOLVE before "
            + "VERIFY, VERIFY of a void sanggah, APPEAL after the appeal window, ESCALATE of a case already with the social "
            + "office, anything but NOTE on a closed case. The problem names the action, currentStatus and allowedActions")
    @APIResponse(responseCode = "412", description = "Someone else changed the case at the same moment (another operator, "
            + "or the SLA sweep voiding an overdue sanggah): read it again and retry")
    public CaseApi.CaseView act(@Parameter(description = "The case number", example = "ADU-2025-000123")
            @PathParam("number") @Pattern(regexp = CaseNumber.PATTERN, message = "must be a case number like SGH-2025-000123") String number,
            @Valid @NotNull CaseApi.ActionRequest request) {
        return cases.act(number, request, actor());
    }

    private Actor actor() {
        return new Actor(caller.getName(), Actor.levelOf(caller.getGroups()).orElse(null), scope);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
