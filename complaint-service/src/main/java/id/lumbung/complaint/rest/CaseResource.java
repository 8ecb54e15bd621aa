package id.lumbung.complaint.rest;

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

    public CaseResource(CaseService cases, SlaService sla, RegionScope scope, JsonWebToken caller, RateLimits limits,
            @ConfigProperty(name = "lumbung.cases.public-rate-limit.capacity", defaultValue = "5") int capacity,
            @ConfigProperty(name = "lumbung.cases.public-rate-limit.per-minute", defaultValue = "2") int perMinute) {
        this.limits = limits;
        // citizens without a token: a few cases at once per address, shared by every replica
        this.anonymous = new RateLimits.Limit("public-case", capacity, perMinute, "case submissions");
        this.cases = cases;
        this.sla = sla;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @Operation(summary = "Submit a case. Citizens need no token (app, web, WhatsApp); walk-in and call-centre cases "
            + "are entered by an operator with a token. The answer carries the tracking secret, shown only once.")
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
    @Operation(summary = "Follow one's own case by its number and secret, without a token (masked answer)")
    public CaseApi.TrackedCase track(@QueryParam("number") @NotBlank String number, @QueryParam("secret") @NotBlank String secret) {
        return cases.track(number, secret);
    }

    @GET
    @Path("/sla-breaches")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "Service-level breaches within the caller's regions: counts per rule and the cases")
    public CaseApi.SlaSummary breaches() {
        return sla.summary(scope);
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "Cases within the caller's regions, newest first")
    public CaseApi.Page<CaseApi.CaseSummary> list(@QueryParam("status") String status, @QueryParam("type") String type,
            @QueryParam("villageCode") String villageCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return cases.list(parse(CaseStatus.class, "status", status), parse(CaseType.class, "type", type),
                villageCode == null || villageCode.isBlank() ? null : RegionCode.of(villageCode), page, size, actor());
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "A case with its history, SLA, the actions the caller may take and, for an aduan about a "
            + "household, the explanation of its determinations")
    public CaseApi.CaseView get(@PathParam("number") String number) {
        return cases.find(number, actor());
    }

    @POST
    @Path("/{number}/actions")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Act on a case: VERIFY, RESOLVE, REJECT, CLOSE, APPEAL, ESCALATE, ASSIGN or NOTE. "
            + "A refused transition is a 409 naming the current state and the allowed actions.")
    public CaseApi.CaseView act(@PathParam("number") String number, @Valid @NotNull CaseApi.ActionRequest request) {
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
