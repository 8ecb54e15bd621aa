package id.lumbung.registry.rest;

import id.lumbung.registry.domain.FieldBounds;
import id.lumbung.registry.service.RegionService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Kemendagri regions: public reference data (the status check needs them without a token). */
@Path("/api/v1/regions")
@Tag(name = "Regions", description = "Province → regency/city → district → village, Kemendagri codes")
@PermitAll
public class RegionResource {

    private final RegionService regions;

    public RegionResource(RegionService regions) {
        this.regions = regions;
    }

    @GET
    @Operation(operationId = "listRegions", summary = "List regions under a parent, or search them by name",
            description = "The regions directly under a parent (the provinces when there is none), in code order, "
                    + "optionally only those whose name contains the text given; a name without a parent searches every "
                    + "level. Public reference data: no token needed (the public status check uses it).")
    @APIResponse(responseCode = "200", description = "A page of regions in code order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RegionApi.class)))
    @APIResponse(responseCode = "400", description = "A malformed parent code, or page or size out of range or not a whole "
            + "number")
    public List<RegionApi> list(
            @Parameter(description = "Kemendagri code of the enclosing region, dotted or plain digits", example = "33.20")
            @QueryParam("parent") @Size(max = HouseholdResource.REGION_CODE_LENGTH) String parent,
            @Parameter(description = "Part of the region's name, any case", example = "karangkebag")
            @QueryParam("name") @Size(max = FieldBounds.NAME) String name,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(HouseholdResource.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return regions.search(parent, name, page, size);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getRegion", summary = "Read one region by its Kemendagri code",
            description = "A province, regency or city, district or village by its Kemendagri code, dotted (33.20.06) or "
                    + "plain digits (332006). Public reference data: no token needed.")
    @APIResponse(responseCode = "200", description = "The region")
    @APIResponse(responseCode = "400", description = "Not a Kemendagri region code")
    @APIResponse(responseCode = "404", description = "No region with this code")
    public RegionApi get(@Parameter(description = "Kemendagri code, dotted or plain digits", example = "33.20.06.1001")
            @PathParam("code") @Size(max = HouseholdResource.REGION_CODE_LENGTH) String code) {
        return regions.find(code);
    }
}
