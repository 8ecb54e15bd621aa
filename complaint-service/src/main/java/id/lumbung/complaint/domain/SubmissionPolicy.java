package id.lumbung.complaint.domain;

import id.lumbung.platform.id.RegionCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a new case must carry, by kind. Each rule answers with the field to correct and why. */
public final class SubmissionPolicy {

    /** The facts of a submission the rules look at (identifiers already well-formed). */
    public record Submission(CaseType type, RegionCode village, UUID householdId, String programCode,
            boolean anonymous, RegionCode reporterVillage, boolean sanggahDetails) {
    }

    /** The latest known determination of the household for the program, if eligibility has sent one. */
    public record KnownDetermination(String villageCode, boolean eligible) {
    }

    private SubmissionPolicy() {
    }

    public static List<Violation> check(Submission s) {
        var out = new ArrayList<Violation>();
        if (s.village().level() != RegionCode.Level.VILLAGE) {
            out.add(new Violation("villageCode", "must be a village (desa/kelurahan) code like 33.20.01.2001"));
        }
        if (s.anonymous() && !s.type().anonymousAllowed()) {
            out.add(new Violation("reporter", "a " + s.type() + " needs the reporter's NIK; only an aduan may be anonymous"));
        }
        if (s.type().householdRequired() && s.householdId() == null) {
            out.add(new Violation("householdId", "a " + s.type() + " is about a registered household: give its id"));
        }
        if ((s.type() == CaseType.SANGGAH || s.type() == CaseType.TOLAK) && (s.programCode() == null || s.programCode().isBlank())) {
            out.add(new Violation("programCode", "a " + s.type() + " is about one program: give its code"));
        }
        if (s.type() == CaseType.SANGGAH) {
            if (!s.sanggahDetails()) {
                out.add(new Violation("sanggah", "a sanggah needs a reason, a statement and a house photo with coordinates"));
            }
            // Cek Bansos: one may only dispute recipients in one's own kelurahan/village.
            if (!s.anonymous() && (s.reporterVillage() == null || !s.reporterVillage().equals(s.village()))) {
                out.add(new Violation("reporter.villageCode", "a sanggah is only for recipients in the reporter's own village"));
            }
        } else if (s.sanggahDetails()) {
            out.add(new Violation("sanggah", "only a sanggah carries sanggah details"));
        }
        return out;
    }

    /**
     * A sanggah disputes a listed recipient. When eligibility has told us about the household, it must be
     * in the case's village and a recipient of that program.
     */
    public static Optional<Violation> checkTarget(CaseType type, RegionCode village, Optional<KnownDetermination> known) {
        if (type != CaseType.SANGGAH || known.isEmpty()) {
            return Optional.empty();
        }
        if (!known.get().villageCode().equals(village.value())) {
            return Optional.of(new Violation("householdId", "the household does not live in village " + village));
        }
        if (!known.get().eligible()) {
            return Optional.of(new Violation("householdId", "the household is not a listed recipient of this program"));
        }
        return Optional.empty();
    }
}
