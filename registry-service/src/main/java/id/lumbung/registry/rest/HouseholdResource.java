package id.lumbung.registry.rest;

import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import id.lumbung.registry.domain.FieldBounds;
import id.lumbung.registry.persistence.DesilHistory;
import id.lumbung.registry.service.HouseholdErasure;
import id.lumbung.registry.service.HouseholdService;
import id.lumbung.registry.service.LifeEventService;
import id.lumbung.registry.service.SearchService;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households")
@Tag(name = "Households", description = "Families (KK) and their members (NIK): registration, changes, life events, search")
public class HouseholdResource {

    static final String PURPOSE = "X-Purpose";
    /** Reads of personal data say why: the purpose is written to the audit log with the read. */
    static final String PURPOSE_DESCRIPTION =
            "Why the caller reads this personal data (tujuan), e.g. verifikasi usulan; recorded in the audit log";
    static final String PURPOSE_EXAMPLE = "verifikasi usulan BLT Dana Desa";
    static final String HOUSEHOLD_ID = "Household id";
    static final String HOUSEHOLD_ID_EXAMPLE = "0b6f9a52-3c1e-4d7a-9f2b-5e8d1c4a7b90";
    static final String VERSION_ETAG = "The record's version, e.g. \"3\"; send it as If-Match to change the record";
    static final String IF_MATCH_REQUIRED = "The ETag of the record as last read; the change is refused when the record "
            + "changed since";
    static final String IF_MATCH_OPTIONAL = "The ETag of the household as last read; when sent, the change is refused if the "
            + "household changed since";
    static final String IF_MATCH_EXAMPLE = "\"3\"";
    /** Longer than any ETag this service issues (a version number, quoted, perhaps weak). */
    static final int IF_MATCH_LENGTH = 40;
    /** A village code in dotted form is the longest region code: 33.20.06.2001. */
    static final int REGION_CODE_LENGTH = 13;
    static final String REGION_FILTER = "Kemendagri region code, dotted or plain digits: only households in this province, "
            + "regency, district or village";
    static final long MAX_PAGE = 100_000;

    private final HouseholdService households;
    private final LifeEventService lifeEvents;
    private final SearchService search;
    private final RegionScope scope;
    private final JsonWebToken caller;
    private final HouseholdErasure erasure;

    public HouseholdResource(HouseholdService households, LifeEventService lifeEvents, SearchService search,
            RegionScope scope, JsonWebToken caller, HouseholdErasure erasure) {
        this.erasure = erasure;
        this.households = households;
        this.lifeEvents = lifeEvents;
        this.search = search;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "registerHousehold", summary = "Register a family (KK) with its members",
            description = "Registers a family card (Kartu Keluarga) with its members (anggota keluarga), its socio-economic "
                    + "attributes and, when known, its desil. A village operator registers in the villages of its token, "
                    + "Dinsos in its regency, Kemensos anywhere. Every rule is checked before anything is written: a "
                    + "Kemendagri village, a free No. KK beginning with a Kemendagri district code, exactly one "
                    + "KEPALA_KELUARGA, NIKs that encode each member's sex and birth date, members in no other active "
                    + "household, desil together with its quarter. The registration is kept in the change history and the "
                    + "household's state is published on registry.households.v1 (CloudEvents type "
                    + "id.lumbung.registry.household.registered).")
    @APIResponse(responseCode = "201", description = "Registered: the household as stored, its address in Location and "
            + "its version as ETag",
            headers = { @Header(name = "Location", description = "Address of the new household",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = VERSION_ETAG, schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "400", description = "A field out of bounds, an unknown village or district, a family "
            + "that breaks the KK rules (no or two heads, a NIK twice, a NIK that does not match sex and birth date), or "
            + "desil without its quarter; the violations name each field")
    @APIResponse(responseCode = "403", description = "The village lies outside the caller's regions")
    @APIResponse(responseCode = "409", description = "The No. KK is already registered, or a member is on another active "
            + "household's KK (their NIKs are listed masked)")
    public Response register(@Valid @NotNull HouseholdApi.RegisterHousehold request, UriInfo uri) {
        var created = households.register(request, caller.getName(), scope);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(etag(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(operationId = "searchHouseholds", summary = "Search active households in the caller's regions",
            description = "Finds active families (keluarga) by a member's NIK, by No. KK, by a member's name within a "
                    + "region (spelling-tolerant: \"Slamet Riyadhi\" finds \"SLAMET RIYADI\"), or by region, optionally "
                    + "narrowed to a desil band or to families with no desil yet. At least one of nik, noKk, name or region "
                    + "is required, and a name needs a region. Only households in the caller's regions are found. The search "
                    + "and its purpose (X-Purpose) are written to the audit log.")
    @APIResponse(responseCode = "200", description = "A page of matching households, best name match first")
    @APIResponse(responseCode = "400", description = "No search criterion, a name without a region, a malformed region "
            + "code, a parameter out of range or not a whole number, or no X-Purpose")
    @APIResponse(responseCode = "403", description = "The caller's token names no region")
    public HouseholdApi.SearchPage search(
            @Parameter(description = "NIK of a current member", example = "3320060107850001")
            @QueryParam("nik") @Pattern(regexp = HouseholdApi.SIXTEEN_DIGITS, message = "must be 16 digits") String nik,
            @Parameter(description = "No. KK of the family card", example = "3320061011250001")
            @QueryParam("noKk") @Pattern(regexp = HouseholdApi.SIXTEEN_DIGITS, message = "must be 16 digits") String noKk,
            @Parameter(description = "Name of a current member, matched by trigram similarity; needs region (at least a "
                    + "regency)", example = "slamet riyadi")
            @QueryParam("name") @Size(max = FieldBounds.NAME) String name,
            @Parameter(description = REGION_FILTER, example = "33.20.06")
            @QueryParam("region") @Size(max = REGION_CODE_LENGTH) String region,
            @Parameter(description = "Lowest desil (1 = poorest tenth), inclusive", example = "1")
            @QueryParam("desilMin") @Min(1) @Max(10) Integer desilMin,
            @Parameter(description = "Highest desil, inclusive", example = "4")
            @QueryParam("desilMax") @Min(1) @Max(10) Integer desilMax,
            @Parameter(description = "Only families with no desil yet (belum ada desil); desilMin and desilMax are then "
                    + "ignored")
            @QueryParam("noDesil") @DefaultValue("false") boolean noDesil,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @Parameter(description = PURPOSE_DESCRIPTION, example = PURPOSE_EXAMPLE)
            @HeaderParam(PURPOSE) @NotBlank @Size(max = 200) String why) {
        return search.search(new SearchService.Criteria(nik, noKk, name, region, desilMin, desilMax, noDesil), page, size,
                scope, why);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR, Roles.INTEGRATOR })
    @Operation(operationId = "getHousehold", summary = "Read a household with its current members",
            description = "The family as it is now, with its version as ETag (send it back as If-Match to change it); or, "
                    + "with asOf, as it was recorded at the end of that day (UTC), rebuilt from its change history, without "
                    + "an ETag. A dissolved household is still readable. The read and its purpose (X-Purpose) are written "
                    + "to the audit log; a read outside the caller's regions is refused and recorded as refused.")
    @APIResponse(responseCode = "200", description = "The household",
            headers = @Header(name = "ETag", description = VERSION_ETAG + " (not sent with asOf)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "400", description = "No X-Purpose, an id that is not a UUID, or an asOf that is not a date "
            + "(YYYY-MM-DD)")
    @APIResponse(responseCode = "403", description = "The household lies outside the caller's regions")
    @APIResponse(responseCode = "404", description = "No household with this id, or none recorded yet at the end of asOf")
    public Response get(@Parameter(description = HOUSEHOLD_ID, example = HOUSEHOLD_ID_EXAMPLE) @PathParam("id") UUID id,
            @Parameter(description = "A past day (YYYY-MM-DD): the household as recorded at its end (UTC)",
                    example = "2025-10-31")
            @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = PURPOSE_DESCRIPTION, example = PURPOSE_EXAMPLE)
            @HeaderParam(PURPOSE) @NotBlank @Size(max = 200) String why) {
        if (asOf != null) {
            return Response.ok(households.asOf(id, asOf, scope, why)).build();
        }
        var household = households.find(id, scope, why);
        return Response.ok(household).tag(etag(household.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "updateHousehold", summary = "Change a household's address and socio-economic attributes",
            description = "Replaces the address, RT/RW and (when sent) the socio-economic attributes of an active household "
                    + "in the caller's regions, with a reason. Requires If-Match with the ETag last read, so that a change "
                    + "by someone else is not overwritten. The change (old and new state, who, why) is kept in the change "
                    + "history and the new state is published on registry.households.v1 (CloudEvents type "
                    + "id.lumbung.registry.household.updated). The village and No. KK change only through a move or split.")
    @APIResponse(responseCode = "200", description = "The household as it is now, with its new version as ETag",
            headers = @Header(name = "ETag", description = VERSION_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "400", description = "An id that is not a UUID, a field out of bounds, no reason, or an "
            + "If-Match that is not an ETag of this service")
    @APIResponse(responseCode = "403", description = "The household lies outside the caller's regions")
    @APIResponse(responseCode = "404", description = "No household with this id")
    @APIResponse(responseCode = "409", description = "The household is dissolved and no longer changes")
    @APIResponse(responseCode = "412", description = "The household changed since the ETag sent was read: read it again")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public Response update(@Parameter(description = HOUSEHOLD_ID, example = HOUSEHOLD_ID_EXAMPLE) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_REQUIRED, example = IF_MATCH_EXAMPLE)
            @HeaderParam("If-Match") @Size(max = IF_MATCH_LENGTH) String ifMatch,
            @Valid @NotNull HouseholdApi.UpdateHousehold request) {
        var updated = households.update(id, requiredVersion(ifMatch), request, caller.getName(), scope);
        return Response.ok(updated).tag(etag(updated.version())).build();
    }

    @PUT
    @Path("/{id}/desil")
    @RolesAllowed({ Roles.KEMENSOS, Roles.INTEGRATOR })
    @Operation(operationId = "setHouseholdDesil", summary = "Record a household's desil for a DTSEN quarter",
            description = "Records the desil (1 = poorest tenth … 10) that the quarterly DTSEN ranking gives an active "
                    + "household, with its quarter and source; desil and desilPeriod both absent record that the family has "
                    + "no desil (yet). Done by the ministry or by the ranking system (integrator). A quarter older than the "
                    + "one recorded is refused. If-Match is optional: when sent, the household must still be at that "
                    + "version. The desil is added to the desil history and the change history, and the new state is "
                    + "published on registry.households.v1 (CloudEvents type id.lumbung.registry.household.updated).")
    @APIResponse(responseCode = "200", description = "The household with its new desil, and its new version as ETag",
            headers = @Header(name = "ETag", description = VERSION_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HouseholdApi.HouseholdView.class)))
    @APIResponse(responseCode = "400", description = "Desil without its quarter (or the reverse), a value out of range, no "
            + "source, an id that is not a UUID, or an If-Match that is not an ETag of this service")
    @APIResponse(responseCode = "403", description = "The household lies outside the caller's regions")
    @APIResponse(responseCode = "404", description = "No household with this id")
    @APIResponse(responseCode = "409", description = "The household is dissolved, or already has a desil for a newer quarter")
    @APIResponse(responseCode = "412", description = "If-Match was sent and the household changed since")
    public Response setDesil(@Parameter(description = HOUSEHOLD_ID, example = HOUSEHOLD_ID_EXAMPLE) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = IF_MATCH_EXAMPLE)
            @HeaderParam("If-Match") @Size(max = IF_MATCH_LENGTH) String ifMatch,
            @Valid @NotNull HouseholdApi.SetDesil request) {
        var updated = households.setDesil(id, optionalVersion(ifMatch), request, caller.getName(), scope);
        return Response.ok(updated).tag(etag(updated.version())).build();
    }

    @GET
    @Path("/{id}/desil-history")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS, Roles.AUDITOR })
    @Operation(operationId = "listHouseholdDesilHistory", summary = "Every desil a household has had, oldest first",
            description = "The household's desil history (riwayat desil): each ranking received, at registration, from "
                    + "the quarterly DTSEN ranking or a data update, with its quarter, source, who recorded it and when.")
    @APIResponse(responseCode = "200", description = "The desil history, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DesilHistory.Entry.class)))
    @APIResponse(responseCode = "403", description = "The household lies outside the caller's regions")
    @APIResponse(responseCode = "404", description = "No household with this id")
    public List<DesilHistory.Entry> desilHistory(
            @Parameter(description = HOUSEHOLD_ID, example = HOUSEHOLD_ID_EXAMPLE) @PathParam("id") UUID id) {
        return households.desilHistory(id, scope);
    }

    @POST
    @Path("/{id}/moves")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "moveHouseholdMembers", summary = "Members or the whole family move to a new KK",
            description = "Records a move (pindah): the members named leave this KK for a new one, at another address or in "
                    + "another village within the caller's regions. Their membership of the old KK ends on the date and "
                    + "that of the new KK begins. When the head leaves and others stay, remainingHead heads the old KK; when "
                    + "everyone leaves, the old household is dissolved and the new one keeps its socio-economic attributes "
                    + "and desil. If-Match is optional: when sent, this household must still be at that version. Both "
                    + "households are kept in the change history and published on registry.households.v1 (CloudEvents "
                    + "types id.lumbung.registry.household.moved, and .dissolved for an emptied KK).")
    @APIResponse(responseCode = "200", description = "Both households as they are now: the old KK, then the new one")
    @APIResponse(responseCode = "400", description = "An id that is not a UUID, a field out of bounds, a member who is not "
            + "on this KK, a new head who does not leave, no remainingHead when the head leaves others behind, an unknown village, a No. KK "
            + "without a Kemendagri district, or a date in the future or before a member joined")
    @APIResponse(responseCode = "403", description = "This household or the new village lies outside the caller's regions")
    @APIResponse(responseCode = "404", description = "No household with this id")
    @APIResponse(responseCode = "409", description = "This household is dissolved, or the new No. KK is already registered")
    @APIResponse(responseCode = "412", description = "If-Match was sent and the household changed since")
    public HouseholdApi.LifeEventResult move(
            @Parameter(description = HOUSEHOLD_ID + " the members leave", example = HOUSEHOLD_ID_EXAMPLE)
            @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = IF_MATCH_EXAMPLE)
            @HeaderParam("If-Match") @Size(max = IF_MATCH_LENGTH) String ifMatch,
            @Valid @NotNull HouseholdApi.Detach request) {
        return lifeEvents.detach(id, optionalVersion(ifMatch), request, LifeEventService.Detachment.MOVE,
                caller.getName(), scope);
    }

    @POST
    @Path("/{id}/splits")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "splitHousehold", summary = "A family splits off into a new KK in the same village",
            description = "Records a split (pecah KK), e.g. a married child founding a family: the members named leave this "
                    + "KK for a new one in the same village. Rules as for a move; a new family does not inherit the old "
                    + "one's socio-economic attributes or desil unless everyone leaves. If-Match is optional. Both households "
                    + "are kept in the change history and published on registry.households.v1 (CloudEvents types "
                    + "id.lumbung.registry.household.split, and .dissolved for an emptied KK).")
    @APIResponse(responseCode = "200", description = "Both households as they are now: the old KK, then the new one")
    @APIResponse(responseCode = "400", description = "An id that is not a UUID, a field out of bounds, another village (a "
            + "move, not a split), a "
            + "member who is not on this KK, a new head who does not leave, no remainingHead when the head leaves others "
            + "behind, a No. KK without a Kemendagri district, or a date in the future or before a member joined")
    @APIResponse(responseCode = "403", description = "The household lies outside the caller's regions")
    @APIResponse(responseCode = "404", description = "No household with this id")
    @APIResponse(responseCode = "409", description = "This household is dissolved, or the new No. KK is already registered")
    @APIResponse(responseCode = "412", description = "If-Match was sent and the household changed since")
    public HouseholdApi.LifeEventResult split(
            @Parameter(description = HOUSEHOLD_ID + " the members leave", example = HOUSEHOLD_ID_EXAMPLE)
            @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = IF_MATCH_EXAMPLE)
            @HeaderParam("If-Match") @Size(max = IF_MATCH_LENGTH) String ifMatch,
            @Valid @NotNull HouseholdApi.Detach request) {
        return lifeEvents.detach(id, optionalVersion(ifMatch), request, LifeEventService.Detachment.SPLIT,
                caller.getName(), scope);
    }

    @POST
    @Path("/{id}/merges")
    @RolesAllowed({ Roles.OPERATOR_DESA, Roles.DINSOS, Roles.KEMENSOS })
    @Operation(operationId = "mergeHouseholds", summary = "Another KK merges into this one",
            description = "Records a merge (gabung KK): every current member of the source household joins this KK on the "
                    + "date, the source's head with the relationship given, and the source household is dissolved. Both "
                    + "must be active and in the caller's regions. If-Match is optional and applies to this household. Both "
                    + "households are kept in the change history and published on registry.households.v1 (CloudEvents "
                    + "types id.lumbung.registry.household.merged and .dissolved).")
    @APIResponse(responseCode = "200", description = "Both households as they are now: this KK, then the dissolved source")
    @APIResponse(responseCode = "400", description = "An id that is not a UUID, a field out of bounds, a KK merged into "
            + "itself, KEPALA_KELUARGA as "
            + "the source head's relationship, or a date in the future or before a source member joined")
    @APIResponse(responseCode = "403", description = "One of the households lies outside the caller's regions")
    @APIResponse(responseCode = "404", description = "No household with this id, or no source household")
    @APIResponse(responseCode = "409", description = "One of the households is dissolved")
    @APIResponse(responseCode = "412", description = "If-Match was sent and this household changed since")
    public HouseholdApi.LifeEventResult merge(
            @Parameter(description = HOUSEHOLD_ID + " the source joins", example = HOUSEHOLD_ID_EXAMPLE)
            @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_OPTIONAL, example = IF_MATCH_EXAMPLE)
            @HeaderParam("If-Match") @Size(max = IF_MATCH_LENGTH) String ifMatch,
            @Valid @NotNull HouseholdApi.Merge request) {
        return lifeEvents.merge(id, optionalVersion(ifMatch), request, caller.getName(), scope);
    }

    @POST
    @Path("/{id}/erasure")
    @RolesAllowed(Roles.KEMENSOS)
    @Operation(operationId = "eraseHousehold", summary = "Erase a household registered in error",
            description = "On the ministry's decision (a fictitious or doubly registered KK, or a court or data-protection "
                    + "order), erases a household in any state: the registry removes it with its memberships, desil history, "
                    + "findings and proposals, the persons who never belonged to another household and their change "
                    + "history, and the DCI notifications about it not yet delivered. One change-history entry (ERASED, "
                    + "with the reason and the decision, no personal data) and the audit log keep who erased it and why. "
                    + "A tombstone (CloudEvents type id.lumbung.registry.household.erased, no value) on "
                    + "registry.households.v1 takes the household out of the compacted topic and tells the other services: "
                    + "eligibility drops its projection and determinations (and writes their tombstones), disbursement "
                    + "blocks the household's unpaid orders, the DCI subscribers that were sent the household are told "
                    + "(delete). Payments already made and approved beneficiary lists are kept as the financial and legal "
                    + "record. Requires If-Match: the decision is about the household as last read.")
    @APIResponse(responseCode = "200", description = "What the registry removed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdApi.Erasure.class)))
    @APIResponse(responseCode = "400", description = "An id that is not a UUID, no reason or a reason under 10 characters, "
            + "no decision reference, a field out of bounds, or an If-Match that is not an ETag of this service")
    @APIResponse(responseCode = "404", description = "No household with this id (or it was erased already)")
    @APIResponse(responseCode = "412", description = "The household changed since the ETag sent was read: read it again")
    @APIResponse(responseCode = "428", description = "No If-Match header")
    public HouseholdApi.Erasure erase(
            @Parameter(description = HOUSEHOLD_ID, example = HOUSEHOLD_ID_EXAMPLE) @PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_REQUIRED, example = IF_MATCH_EXAMPLE)
            @HeaderParam("If-Match") @Size(max = IF_MATCH_LENGTH) String ifMatch,
            @Valid @NotNull HouseholdApi.EraseHousehold request) {
        return erasure.erase(id, requiredVersion(ifMatch), request, caller.getName(), scope);
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
