package id.lumbung.registry.rest;

import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import id.lumbung.registry.service.DuplicateService;
import id.lumbung.registry.service.PersonService;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/persons")
@Tag(name = "Persons", description = "Persons by NIK: facts, death, departure, likely duplicates")
public class PersonResource {

    private final PersonService persons;
    private final DuplicateService duplicates;
    private final RegionScope scope;
    private final JsonWebToken caller;

    public PersonResource(PersonService persons, DuplicateService duplicates, RegionScope scope, JsonWebToken caller) {
        this.persons = persons;
        this.duplicates = duplicates;
        this.scope = scope;
        this.caller = caller;
    }

    @GET
    @Path("/{nik}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(summary = "A person by NIK with their current household; the ETag is their version")
    public Response get(@PathParam("nik") String nik, @Parameter(description = HouseholdResource.PURPOSE_DESCRIPTION)
            @HeaderParam(HouseholdResource.PURPOSE) @NotBlank @Size(max = 200) String why) {
        var person = persons.find(nik, scope, why);
        return Response.ok(person).tag(HouseholdResource.etag(person.version())).build();
    }

    @PUT
    @Path("/{nik}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Change a person's facts (name, education, occupation, disability, employment); requires If-Match")
    public Response update(@PathParam("nik") String nik, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull HouseholdApi.UpdatePerson request) {
        var person = persons.update(nik, HouseholdResource.requiredVersion(ifMatch), request, caller.getName(), scope);
        return Response.ok(person).tag(HouseholdResource.etag(person.version())).build();
    }

    @POST
    @Path("/{nik}/death")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Record a death; the household's new state is published")
    public HouseholdApi.PersonView death(@PathParam("nik") String nik, @Valid @NotNull HouseholdApi.Death request) {
        return persons.recordDeath(nik, request, caller.getName(), scope);
    }

    @POST
    @Path("/{nik}/departure")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(summary = "Record that a person moved away to a place not registered here")
    public HouseholdApi.PersonView departure(@PathParam("nik") String nik, @Valid @NotNull HouseholdApi.Departure request) {
        return persons.recordDeparture(nik, request, caller.getName(), scope);
    }

    @GET
    @Path("/likely-duplicates")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(summary = "Persons probably recorded twice (same name, birth date and issuing district, different NIK)")
    public List<DuplicateService.LikelyDuplicate> likelyDuplicates(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return duplicates.likelyDuplicates(scope, page, size);
    }
}
