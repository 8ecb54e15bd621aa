package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.service.PayPointService;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/pay-points")
@Tag(name = "Pay points", description = "Post offices, community points and door-to-door rounds, with their capacity per day")
public class PayPointResource {

    private static final String CODE = "The pay point's code";
    private static final String CODE_EXAMPLE = "KPC-JEPARA-59400";

    private final PayPointService payPoints;
    private final RegionScope scope;

    public PayPointResource(PayPointService payPoints, RegionScope scope) {
        this.payPoints = payPoints;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "createPayPoint", summary = "Add a pay point in a region of your scope",
            description = "Registers a pay point (titik bayar) of PT Pos: a post office (kantor pos), a community point "
                    + "(balai desa, pendopo kecamatan) or a door-to-door round, with the region it serves (a region of "
                    + "the Kemendagri list within the caller's scope) and how many families it can pay in a day. "
                    + "Schedules place families at the most specific pay point serving their village, and payments are "
                    + "recorded only at a registered pay point serving the family's village. Dinsos for its regency, or "
                    + "kemensos. The code is the key: adding the same code twice is refused.")
    @APIResponse(responseCode = "201", description = "The pay point, added",
            headers = @Header(name = "Location", description = "The pay point's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 100)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PayPointApi.PayPointView.class)))
    @APIResponse(responseCode = "400", description = "A field missing or malformed, or a region code that is not in the "
            + "Kemendagri list")
    @APIResponse(responseCode = "403", description = "The region lies outside your scope, or your role may not manage "
            + "pay points")
    @APIResponse(responseCode = "409", description = "A pay point with this code already exists (pay-point-exists)")
    public Response create(@Valid @NotNull PayPointApi.NewPayPoint in) {
        var created = payPoints.create(in, scope);
        return Response.created(URI.create("/api/v1/pay-points/" + created.code())).entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR })
    @Operation(operationId = "listPayPoints",
            summary = "Pay points whose region overlaps your scope, optionally around one region",
            description = "The pay points whose region overlaps the caller's scope, ordered by region and code. With "
                    + "regionCode, only those serving that region, a region within it or a region containing it (asking "
                    + "for a village lists its village hall, its district's post office and the regency's rounds). "
                    + "Nothing is changed.")
    @APIResponse(responseCode = "200", description = "A page of pay points")
    @APIResponse(responseCode = "400", description = "regionCode is malformed or not in the Kemendagri list, or page or "
            + "size is not a whole number or out of range")
    public PayPointApi.PayPointPage list(
            @Parameter(description = "Only pay points serving this region, a region within it or a region containing it",
                    example = "33.20.06.1001", schema = @Schema(type = SchemaType.STRING, pattern = Formats.REGION_CODE,
                            maxLength = Formats.REGION_CODE_MAX))
            @QueryParam("regionCode") String regionCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PlanResource.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return payPoints.list(regionCode, scope, page, size);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.PETUGAS_BAYAR, Roles.AUDITOR })
    @Operation(operationId = "getPayPoint", summary = "A pay point",
            description = "One pay point with its kind, region and capacity per day; readable when its region overlaps "
                    + "the caller's scope. Nothing is changed.")
    @APIResponse(responseCode = "200", description = "The pay point",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PayPointApi.PayPointView.class)))
    @APIResponse(responseCode = "400", description = "The code is malformed")
    @APIResponse(responseCode = "403", description = "The pay point's region does not overlap your scope")
    @APIResponse(responseCode = "404", description = "No pay point with this code")
    public PayPointApi.PayPointView get(@Parameter(description = CODE, example = CODE_EXAMPLE) @PathParam("code")
            @Pattern(regexp = Formats.PAY_POINT_CODE, message = Formats.PAY_POINT_CODE_MESSAGE) String code) {
        return payPoints.get(code, scope);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "updatePayPoint", summary = "Change a pay point's kind, name, region or capacity per day",
            description = "Replaces the pay point's kind, name, region and capacity per day. Both its current and its "
                    + "new region must lie within the caller's scope. Its region cannot move while families are "
                    + "scheduled there (generate the schedule again first); a new capacity applies from the next "
                    + "generation. Dinsos for its regency, or kemensos; repeating the same change changes nothing.")
    @APIResponse(responseCode = "200", description = "The pay point as now recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PayPointApi.PayPointView.class)))
    @APIResponse(responseCode = "400", description = "A field missing or malformed, or a region code that is not in the "
            + "Kemendagri list")
    @APIResponse(responseCode = "403", description = "The pay point's region or the new region lies outside your scope, "
            + "or your role may not manage pay points")
    @APIResponse(responseCode = "404", description = "No pay point with this code")
    @APIResponse(responseCode = "409", description = "Families are scheduled at the pay point, so its region cannot move "
            + "(pay-point-scheduled)")
    public PayPointApi.PayPointView update(@Parameter(description = CODE, example = CODE_EXAMPLE) @PathParam("code")
            @Pattern(regexp = Formats.PAY_POINT_CODE, message = Formats.PAY_POINT_CODE_MESSAGE) String code,
            @Valid @NotNull PayPointApi.PayPointChange in) {
        return payPoints.update(code, in, scope);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "deletePayPoint", summary = "Remove a pay point nobody is scheduled at",
            description = "Removes a pay point whose region lies within the caller's scope, as long as no family is "
                    + "scheduled there. Payments already recorded there keep its code. Dinsos for its regency, or "
                    + "kemensos.")
    @APIResponse(responseCode = "204", description = "The pay point is removed")
    @APIResponse(responseCode = "400", description = "The code is malformed")
    @APIResponse(responseCode = "403", description = "The pay point's region lies outside your scope, or your role may "
            + "not manage pay points")
    @APIResponse(responseCode = "404", description = "No pay point with this code")
    @APIResponse(responseCode = "409", description = "Families are scheduled at the pay point (pay-point-scheduled)")
    public Response delete(@Parameter(description = CODE, example = CODE_EXAMPLE) @PathParam("code")
            @Pattern(regexp = Formats.PAY_POINT_CODE, message = Formats.PAY_POINT_CODE_MESSAGE) String code) {
        payPoints.delete(code, scope);
        return Response.noContent().build();
    }
}
