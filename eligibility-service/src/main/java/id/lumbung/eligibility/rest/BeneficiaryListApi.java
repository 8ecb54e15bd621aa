package id.lumbung.eligibility.rest;

import id.lumbung.platform.id.Quarter;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The API models of beneficiary lists (penetapan). */
public final class BeneficiaryListApi {

    private BeneficiaryListApi() {
    }

    /**
     * A list to draft. {@code quotas}: at most so many households from within each region code (within
     * {@code regionCode}, not nested in each other); regions without a quota take every eligible household.
     */
    public record DraftRequest(
            @NotNull @Pattern(regexp = ProgramResource.CODE, message = "must be a program code like BLTS_KESRA_2025") String programCode,
            @NotNull @Pattern(regexp = Quarter.PATTERN, message = Quarter.MESSAGE) String period,
            @NotNull @Pattern(regexp = "\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?", message = "must be a region code like 33.20") String regionCode,
            Map<String, Integer> quotas) {
    }

    public record ListView(UUID id, String programCode, String period, String regionCode, String status,
            Map<String, Integer> quotas, int ruleVersion, long amountPerMonth, int months, boolean lumpSum,
            int totalBeneficiaries, String draftedBy, Instant draftedAt, String approvedBy, Instant finalizedAt) {
    }

    public record MemberView(String nik, String relationship) {
    }

    /** A listed household; NIK and KK numbers masked. */
    public record BeneficiaryView(int rank, UUID householdId, String noKk, String villageCode, Integer desil,
            boolean kksCard, int vulnerableMembers, String recipientNik, String recipientName, List<MemberView> members) {
    }

    public record BeneficiaryPage(int page, int size, int total, List<BeneficiaryView> items) {
    }
}
