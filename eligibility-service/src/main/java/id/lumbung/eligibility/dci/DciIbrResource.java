package id.lumbung.eligibility.dci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.dci.DciEnvelope;
import id.lumbung.platform.dci.DciException;
import id.lumbung.platform.dci.DciMessages;
import id.lumbung.platform.dci.DciResponses;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * DCI Integrated Beneficiary Registry API v1.0.0 (spec: {@code dci/ibr_api_v1.0.0.yaml}). Bodies are read as text
 * so that every fault, unreadable JSON included, is answered in the spec's shapes rather than problem+json.
 */
@Path("/dci/registry")
@Tag(name = "DCI", description = "Digital Convergence Initiative Integrated Beneficiary Registry API v1.0.0: enrolment across programs")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class DciIbrResource {

    private final DciIbr ibr;
    private final RegionScope regionScope;
    private final JsonWebToken caller;
    private final ObjectMapper json;
    private final Clock clock;
    private final DciConfig config;

    public DciIbrResource(DciIbr ibr, RegionScope regionScope, JsonWebToken caller, ObjectMapper json, Clock clock,
            DciConfig config) {
        this.ibr = ibr;
        this.regionScope = regionScope;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @POST
    @Path("sync/enrolled")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(summary = "DCI enrolled: the programs a family (by a member's NIK or its No. KK) is enrolled in, and since when")
    public Response enrolled(String body) {
        return sync("/dci/registry/sync/enrolled", "search", body, e -> ibr.enrolled(e, regionScope));
    }

    @POST
    @Path("sync/search")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(summary = "DCI search: enrolments that began or ended since a time (predicate status_change_date ge), paginated")
    public Response search(String body) {
        return sync("/dci/registry/sync/search", "search", body, e -> ibr.changes(e, regionScope));
    }

    @POST
    @Path("sync/enrollment/updates")
    @RolesAllowed({ Roles.INTEGRATOR, Roles.KEMENSOS })
    @Operation(summary = "DCI enrollment updates from other systems: not taken yet (refused with rjct.action.not_supported)")
    public Response enrollmentUpdates(String body) {
        return sync("/dci/registry/sync/enrollment/updates", "notify", body, e -> {
            throw new DciException(DciException.Code.REQUEST_BAD, "rjct.action.not_supported", "this registry does not take"
                    + " enrolments from other systems yet; read enrolment changes with registry/sync/search");
        });
    }

    private Response sync(String path, String action, String body, Function<DciEnvelope, ObjectNode> op) {
        return DciResponses.answer(json, () -> op.apply(ibr.open(path, action, body, caller.getSubject())),
                e -> DciMessages.syncError(json, clock, config.ibrId(), "on-" + action, caller.getSubject(), e));
    }

    // Authentication happens before the method runs: answer it in the spec's HttpErrorResponse shape too.
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        return DciResponses.unauthorized(json);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return DciResponses.forbidden(json, "DCI beneficiary registry API");
    }
}
