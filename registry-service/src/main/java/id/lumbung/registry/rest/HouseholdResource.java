package id.lumbung.registry.rest;

import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import id.lumbung.registry.persistence.DesilHistory;
import id.lumbung.registry.service.HouseholdService;
import id.lumbung.registry.service.LifeEventService;
import id.lumbung.registry.service.SearchService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households")
@Tag(name = "Households", description = "Families (KK) and their members (NIK): registration, changes, life events, search")
public class HouseholdResource {

    static final String PURPOSE = "X-Purpose";
    /** Reads of personal data say why: the purpose is written to the audit log with the read. */
    static final String PURPOSE_DESCRIPTION =
            "Why the caller reads this personal data (tujuan), e.g. verifikasi usulan; recorded in the audit log";

    private final HouseholdService households;
    private final LifeEventService lifeEvents;
    private final SearchService search;
    private final RegionScope scope;
    private final JsonWebToken caller;

    public HouseholdResource(HouseholdService households, LifeEventService lifeEvents, SearchService search,
            RegionScope scope, JsonWebToken caller) {
        this.households = households;
        this.lifeEvents = lifeEvents;
        this.search = search;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Register a household with its members; publishes registry.households.v1")
    public Response register(@Valid @NotNull HouseholdApi.RegisterHousehold request, UriInfo uri) {
        var created = households.register(request, caller.getName(), scope);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(etag(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(summary = "Search households by NIK, No. KK, member name (spelling-tolerant, within a region), region and desil band")
    public HouseholdApi.Page<HouseholdApi.HouseholdSummary> search(@QueryParam("nik") String nik,
            @QueryParam("noKk") String noKk, @QueryParam("name") String name, @QueryParam("region") String region,
            @QueryParam("desilMin") @Min(1) @Max(10) Integer desilMin, @QueryParam("desilMax") @Min(1) @Max(10) Integer desilMax,
            @QueryParam("noDesil") @DefaultValue("false") boolean noDesil,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @Parameter(description = PURPOSE_DESCRIPTION) @HeaderParam(PURPOSE) @NotBlank @Size(max = 200) String why) {
        return search.search(new SearchService.Criteria(nik, noKk, name, region, desilMin, desilMax, noDesil), page, size,
                scope, why);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(summary = "A household with its current members (or as recorded at the end of ?asOf=YYYY-MM-DD); the ETag is its version")
    public Response get(@PathParam("id") UUID id, @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = PURPOSE_DESCRIPTION) @HeaderParam(PURPOSE) @NotBlank @Size(max = 200) String why) {
        if (asOf != null) {
            return Response.ok(households.asOf(id, asOf, scope, why)).build();
        }
        var household = households.find(id, scope, why);
        return Response.ok(household).tag(etag(household.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Change a household's address and socio-economic attributes; requires If-Match with its ETag")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull HouseholdApi.UpdateHousehold request) {
        var updated = households.update(id, requiredVersion(ifMatch), request, caller.getName(), scope);
        return Response.ok(updated).tag(etag(updated.version())).build();
    }

    @PUT
    @Path("/{id}/desil")
    @RolesAllowed({ Roles.KEMENSOS, Roles.INTEGRATOR })
    @Operation(summary = "Record the household's desil for a DTSEN quarter (both null: no desil yet); If-Match optional")
    public Response setDesil(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull HouseholdApi.SetDesil request) {
        var updated = households.setDesil(id, optionalVersion(ifMatch), request, caller.getName(), scope);
        return Response.ok(updated).tag(etag(updated.version())).build();
    }

    @GET
    @Path("/{id}/desil-history")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "Every desil the household has had, oldest first")
    public List<DesilHistory.Entry> desilHistory(@PathParam("id") UUID id) {
        return households.desilHistory(id, scope);
    }

    @POST
    @Path("/{id}/moves")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Members (or the whole family) move to a new KK, possibly in another village")
    public HouseholdApi.LifeEventResult move(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull HouseholdApi.Detach request) {
        return lifeEvents.detach(id, optionalVersion(ifMatch), request, LifeEventService.Detachment.MOVE,
                caller.getName(), scope);
    }

    @POST
    @Path("/{id}/splits")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "A family splits off into a new KK in the same village")
    public HouseholdApi.LifeEventResult split(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull HouseholdApi.Detach request) {
        return lifeEvents.detach(id, optionalVersion(ifMatch), request, LifeEventService.Detachment.SPLIT,
                caller.getName(), scope);
    }

    @POST
    @Path("/{id}/merges")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Another KK merges into this one; the other is dissolved")
    public HouseholdApi.LifeEventResult merge(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull HouseholdApi.Merge request) {
        return lifeEvents.merge(id, optionalVersion(ifMatch), request, caller.getName(), scope);
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag you read, so that a change by someone else is not overwritten");
        }
        return parseVersion(ifMatch);
    }

    static Long optionalVersion(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : parseVersion(ifMatch);
    }

    private static long parseVersion(String ifMatch) {
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "If-Match must be an ETag this service issued, like \"3\"");
        }
    }
}
