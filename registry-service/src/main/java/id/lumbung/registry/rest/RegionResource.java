package id.lumbung.registry.rest;

import id.lumbung.registry.service.RegionService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "List regions under a parent (provinces when no parent), optionally matching a name")
    public List<RegionApi> list(@QueryParam("parent") String parent, @QueryParam("name") String name,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return regions.search(parent, name, page, size);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One region by its Kemendagri code (dotted or plain digits)")
    public RegionApi get(@PathParam("code") String code) {
        return regions.find(code);
    }
}
