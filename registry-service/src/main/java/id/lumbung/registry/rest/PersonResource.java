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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/persons")
@Tag(name = "Persons", description = "Persons by NIK: facts, death, departure, likely duplicates")
public class PersonResource {

    static final String NIK = "NIK of the person (Nomor Induk Kependudukan)";
    static final String NIK_EXAMPLE = "3320060107850001";

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
    @Operation(operationId = "getPerson", summary = "Read a person by NIK with their current household",
            description = "The person (penduduk) with their facts, life status and current KK, and their version as ETag "
                    + "(send it back as If-Match to change them). A person is in the caller's regions through the village of "
                    + "their current household; a person on no KK is visible to national callers only. The read and its "
                    + "purpose (X-Purpose) are written to the audit log under a keyed hash of the NIK; a refused read is "
                    + "recorded as refused.")
    @APIResponse(responseCode = "200", description = "The person",
            headers = @Header(name = "ETag", description = HouseholdResource.VERSION_ETAG,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HouseholdApi.PersonView.class)))
    @APIResponse(responseCode = "400", description = "Not a valid NIK, or no X-Purpose")
    @APIResponse(responseCode = "403", description = "The person's household lies outside the caller's regions, or the "
            + "person is on no KK and the caller is not national")
    @APIResponse(responseCode = "404", description = "No person with this NIK")
    public Response get(@Parameter(description = NIK, example = NIK_EXAMPLE) @PathParam("nik")
            @Pattern(regexp = HouseholdApi.SIXTEEN_DIGITS, message = "must be 16 digits") String nik,
            @Parameter(description = HouseholdResource.PURPOSE_DESCRIPTION, example = HouseholdResource.PURPOSE_EXAMPLE)
            @HeaderParam(HouseholdResource.PURPOSE) @NotBlank @Size(max = 200) String why) {
        var person = persons.find(nik, scope, why);
        return Response.ok(person).tag(HouseholdResource.etag(person.version())).build();
    }

    @PUT
    @Path("/{nik}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "updatePerson", summary = "Change a person's facts",
            description = "Replaces the facts of a person that change over time (name, marital status, education, "
                    + "occupation, disability, employment facts), with a reason; NIK, sex and birth date never change. "
                    + "Requires If-Match with the ETag last read. The change is kept in the person's change history and, "
                    + "for a person on a KK, the household's new state is published on registry.households.v1 (CloudEvents "
                    + "type id.lumbung.registry.household.updated), since exclusion rules read employment facts.")
    @APIResponse(responseCode = "200", description = "The person as they are now, with their new version as ETag",
            headers = @Header(name = "ETag", description = HouseholdResource.VERSION_ETAG,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HouseholdApi.PersonView.class)))
    @APIResponse(responseCode = "400", description = "Not a valid NIK, a field out of bounds, no reason, or an If-Match "
            + "that is not an ETag of this service")
    @APIResponse(responseCode = "403", description = "The person's household lies outside the caller's regions, or the "
            + "person is on no KK and the caller is not national")
    @APIResponse(responseCode = "404", description = "No person with this NIK")
    @APIResponse(responseCode = "412", description = "The person changed since the ETag sent was read: read them again")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response update(@Parameter(description = NIK, example = NIK_EXAMPLE) @PathParam("nik")
            @Pattern(regexp = HouseholdApi.SIXTEEN_DIGITS, message = "must be 16 digits") String nik,
            @Parameter(description = HouseholdResource.IF_MATCH_REQUIRED, example = HouseholdResource.IF_MATCH_EXAMPLE)
            @HeaderParam("If-Match") @Size(max = HouseholdResource.IF_MATCH_LENGTH) String ifMatch,
            @Valid @NotNull HouseholdApi.UpdatePerson request) {
        var person = persons.update(nik, HouseholdResource.requiredVersion(ifMatch), request, caller.getName(), scope);
        return Response.ok(person).tag(HouseholdResource.etag(person.version())).build();
    }

    @POST
    @Path("/{nik}/death")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "recordDeath", summary = "Record a person's death",
            description = "Records a death (kematian) with its date and the death certificate or village letter: the person "
                    + "becomes DECEASED, stays listed on the KK's history but no longer counts as a member for any program "
                    + "rule. Only a living person (ALIVE) can die. The change is kept in the change history and, for a "
                    + "person on a KK, the household's new state is published on registry.households.v1 (CloudEvents type "
                    + "id.lumbung.registry.household.member-died).")
    @APIResponse(responseCode = "200", description = "The person as now recorded")
    @APIResponse(responseCode = "400", description = "Not a valid NIK, no reference, or a date in the future or before "
            + "the birth date")
    @APIResponse(responseCode = "403", description = "The person's household lies outside the caller's regions, or the "
            + "person is on no KK and the caller is not national")
    @APIResponse(responseCode = "404", description = "No person with this NIK")
    @APIResponse(responseCode = "409", description = "The person is already recorded as DECEASED or MOVED")
    public HouseholdApi.PersonView death(@Parameter(description = NIK, example = NIK_EXAMPLE) @PathParam("nik")
            @Pattern(regexp = HouseholdApi.SIXTEEN_DIGITS, message = "must be 16 digits") String nik,
            @Valid @NotNull HouseholdApi.Death request) {
        return persons.recordDeath(nik, request, caller.getName(), scope);
    }

    @POST
    @Path("/{nik}/departure")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "recordDeparture", summary = "Record that a person moved away to a place not registered here",
            description = "Records a departure (pindah, tujuan tidak terdaftar): the person becomes MOVED and no longer "
                    + "counts as a member of their KK for any program rule. A move to a KK this registry holds is a household "
                    + "move instead (moveHouseholdMembers). Only a living person (ALIVE) can leave. The change is kept in "
                    + "the change history and, for a person on a KK, the household's new state is published on "
                    + "registry.households.v1 (CloudEvents type id.lumbung.registry.household.member-moved).")
    @APIResponse(responseCode = "200", description = "The person as now recorded")
    @APIResponse(responseCode = "400", description = "Not a valid NIK, no reason, or a date in the future or before the "
            + "birth date")
    @APIResponse(responseCode = "403", description = "The person's household lies outside the caller's regions, or the "
            + "person is on no KK and the caller is not national")
    @APIResponse(responseCode = "404", description = "No person with this NIK")
    @APIResponse(responseCode = "409", description = "The person is already recorded as DECEASED or MOVED")
    public HouseholdApi.PersonView departure(@Parameter(description = NIK, example = NIK_EXAMPLE) @PathParam("nik")
            @Pattern(regexp = HouseholdApi.SIXTEEN_DIGITS, message = "must be 16 digits") String nik,
            @Valid @NotNull HouseholdApi.Departure request) {
        return persons.recordDeparture(nik, request, caller.getName(), scope);
    }

    @GET
    @Path("/likely-duplicates")
    @RolesAllowed({ Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "listLikelyDuplicates", summary = "Persons probably recorded twice under different NIKs",
            description = "Pairs of living persons with the same name, birth date and issuing district (the first six "
                    + "digits of the NIK) but different NIKs, where one of them lives in the caller's regions: reported for "
                    + "an operator to resolve, never merged automatically. NIKs are masked. The report is written to the "
                    + "audit log.")
    @APIResponse(responseCode = "200", description = "A page of likely duplicate pairs, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DuplicateService.LikelyDuplicate.class)))
    @APIResponse(responseCode = "400", description = "page or size out of range or not a whole number")
    @APIResponse(responseCode = "403", description = "The caller's token names no region")
    public List<DuplicateService.LikelyDuplicate> likelyDuplicates(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(HouseholdResource.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return duplicates.likelyDuplicates(scope, page, size);
    }
}
