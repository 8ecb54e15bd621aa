package id.lumbung.eligibility.rest;

import id.lumbung.platform.id.Quarter;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of beneficiary lists (penetapan). */
public final class BeneficiaryListApi {

    private BeneficiaryListApi() {
    }

    private static final String MASKED_NIK = "332006**********";

    /**
     * A list to draft. {@code quotas}: at most so many households from within each region code (within
     * {@code regionCode}, not nested in each other); regions without a quota take every eligible household.
     */
    @Schema(name = "BeneficiaryListDraftRequest", description = "The program period and region of a beneficiary list to "
            + "draft, with optional quotas per region within it")
    public record DraftRequest(
            @NotNull @Pattern(regexp = ProgramResource.CODE, message = ProgramResource.CODE_MESSAGE) String programCode,
            @NotNull @Pattern(regexp = Quarter.PATTERN, message = Quarter.MESSAGE) String period,
            @NotNull @Pattern(regexp = "\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?", message = "must be a region code like 33.20")
            @Schema(description = "The region the list is for: a Dinas Sosial drafts the list of its regency, the ministry "
                    + "of any region", example = "33.20") String regionCode,
            @Size(max = 10_000, message = "at most 10,000 quota regions")
            Map<String, Integer> quotas) {
    }

    @Schema(name = "BeneficiaryList", description = "A beneficiary list (daftar penerima, penetapan) of one program period "
            + "and region: drafted, then approved by someone else, which freezes it")
    public record ListView(
            @Schema(description = "The list's id", example = "9a7c2d4e-3f1b-4e6a-8c5d-1b2a3c4d5e6f") UUID id,
            String programCode, String period,
            @Schema(description = "The region the list is for", example = "33.20") String regionCode,
            @Schema(description = "DRAFT (may still be approved) or FINALIZED (frozen, aid recorded and published)",
                    enumeration = { "DRAFT", "FINALIZED" }, example = "DRAFT") String status,
            Map<String, Integer> quotas, int ruleVersion, long amountPerMonth,
            int months, boolean lumpSum,
            @Schema(description = "Households on the list", example = "2000") int totalBeneficiaries,
            @Schema(description = "Who drafted the list (the token's user)", example = "dinsos.jepara.budi") String draftedBy,
            @Schema(description = "When the list was drafted") Instant draftedAt,
            @Schema(description = "Who approved the list; null while it is a draft", example = "dinsos.jepara.sari")
            String approvedBy,
            @Schema(description = "When the list was approved and frozen; null while it is a draft") Instant finalizedAt) {
    }

    @Schema(name = "BeneficiaryMember", description = "A living member of a listed household, NIK masked")
    public record MemberView(
            @Schema(description = "The member's NIK, masked: the district of first registration stays",
                    example = MASKED_NIK) String nik,
            String relationship) {
    }

    /** A listed household; NIK and KK numbers masked. */
    @Schema(name = "Beneficiary", description = "A household on a beneficiary list (KPM), NIK and KK numbers masked")
    public record BeneficiaryView(int rank, UUID householdId,
            @Schema(description = "The household's No. KK, masked", example = MASKED_NIK) String noKk,
            String villageCode, Integer desil, boolean kksCard, int vulnerableMembers,
            @Schema(description = "NIK of the member who collects the aid, masked", example = MASKED_NIK) String recipientNik,
            String recipientName,
            @Schema(description = "The household's living members, in the order of the KK") List<MemberView> members) {
    }

    @Schema(name = "BeneficiaryPage", description = "A page of the households on a list, in priority order")
    public record BeneficiaryPage(int page, int size,
            @Schema(description = "Households on the whole list", example = "2000") int total,
            @Schema(description = "The households of this page, by rank") List<BeneficiaryView> items) {
    }
}
