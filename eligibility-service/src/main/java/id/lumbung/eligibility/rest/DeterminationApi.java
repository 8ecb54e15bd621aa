package id.lumbung.eligibility.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of determinations. */
public final class DeterminationApi {

    private DeterminationApi() {
    }

    @Schema(name = "DeterminationReason", description = "Why a household is not eligible: a stable code for systems and "
            + "one plain sentence each in Indonesian and English for people. A reason names a status, never a family member")
    public record ReasonView(
            @Schema(description = "Stable reason code, e.g. DESIL_OUTSIDE_BAND, DESIL_NOT_YET, EXCLUDED_ASN_TNI_POLRI, "
                    + "NO_VULNERABLE_MEMBER, ALREADY_RECEIVING, DECLINED_TOLAK, SANGGAH_UPHELD",
                    example = "DESIL_OUTSIDE_BAND") String code,
            @Schema(description = "The reason in Indonesian", example = "Keluarga berada di desil 6, sedangkan program "
                    + "ini untuk desil 1-4.") String id,
            @Schema(description = "The reason in English", example = "The family is in desil 6; this program is for "
                    + "desil 1-4.") String en) {
    }

    @Schema(name = "Determination", description = "Whether a household is eligible for one program period, by which rule "
            + "version and on which registry version of the household, with every reason why not")
    public record DeterminationView(String programCode, String period,
            @Schema(description = "Whether the household is eligible; false comes with at least one reason",
                    example = "false") boolean eligible,
            List<ReasonView> reasons, int ruleVersion, long registryVersion,
            @Schema(description = "When the determination was made") Instant determinedAt) {
    }

    /** A household's determinations, with the projection they were computed from. */
    @Schema(name = "HouseholdDeterminations", description = "A household's determinations per program and period, with "
            + "the state of the household (as projected from the registry) they were computed from")
    public record HouseholdDeterminations(UUID householdId, String villageCode, Integer desil, String desilPeriod,
            @Schema(description = "The household's status in the registry: ACTIVE, or DISSOLVED when its KK no longer "
                    + "stands (split, merged or replaced by a new KK)", enumeration = { "ACTIVE", "DISSOLVED" },
                    example = "ACTIVE") String status,
            long registryVersion,
            @Schema(description = "The determinations asked for, one per program and period") List<DeterminationView> determinations) {
    }
}
