package id.lumbung.disbursement.domain;

import id.lumbung.platform.id.Nik;
import id.lumbung.platform.id.NoKk;
import id.lumbung.platform.id.RegionCode;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a family on a finalized list can be given a payment order: identifiers that hold and a
 * village inside the plan's region. A family refused here is recorded with the reason, never paid blind.
 */
public final class BeneficiaryCheck {

    /** A family as the beneficiary list names it. */
    public record Beneficiary(String householdId, String noKk, String villageCode, String recipientNik,
            String recipientName) {
    }

    private BeneficiaryCheck() {
    }

    public static Optional<Refusal> check(Beneficiary b, RegionCode planRegion) {
        if (b.householdId() == null || !isUuid(b.householdId())) {
            return Optional.of(new Refusal("INVALID_HOUSEHOLD_ID", "householdId is not a UUID"));
        }
        var kk = NoKk.problemWith(b.noKk());
        if (kk.isPresent()) {
            return Optional.of(new Refusal("INVALID_NO_KK", kk.get()));
        }
        var nik = Nik.problemWith(b.recipientNik());
        if (nik.isPresent()) {
            return Optional.of(new Refusal("INVALID_RECIPIENT_NIK", nik.get()));
        }
        if (b.recipientName() == null || b.recipientName().isBlank()) {
            return Optional.of(new Refusal("NO_RECIPIENT_NAME", "the recipient has no name"));
        }
        var village = RegionCode.problemWith(b.villageCode());
        if (village.isPresent() || RegionCode.of(b.villageCode()).level() != RegionCode.Level.VILLAGE) {
            return Optional.of(new Refusal("INVALID_VILLAGE", "villageCode is not a village code"));
        }
        if (!RegionCode.of(b.villageCode()).isWithin(planRegion)) {
            return Optional.of(new Refusal("OUTSIDE_PLAN_REGION",
                    "village " + b.villageCode() + " is outside the plan's region " + planRegion));
        }
        return Optional.empty();
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
