package id.lumbung.complaint.mapping;

import id.lumbung.complaint.domain.CaseAction;
import id.lumbung.complaint.domain.CaseStatus;
import id.lumbung.complaint.domain.CaseType;
import id.lumbung.complaint.domain.Channel;
import id.lumbung.complaint.domain.SlaPolicy;
import id.lumbung.complaint.persistence.CaseActivityEntity;
import id.lumbung.complaint.persistence.CaseEntity;
import id.lumbung.complaint.rest.CaseApi;
import id.lumbung.complaint.rest.ExplanationApi;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.RegionCode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Case entity to API models. The reporter's NIK leaves only masked. */
public final class CaseMapper {

    private CaseMapper() {
    }

    public static CaseApi.Handling handling(CaseEntity c) {
        return new CaseApi.Handling(c.level(), c.team, c.level().region(RegionCode.of(c.villageCode)).value(), c.assignee);
    }

    public static CaseApi.CaseView view(CaseEntity c, List<CaseActivityEntity> activity, SlaPolicy sla, Instant now,
            Set<CaseAction> allowed, ExplanationApi.Explanation explanation) {
        var reporter = new CaseApi.ReporterView(c.reporterNik == null, c.reporterNik == null ? null : Masking.nik(c.reporterNik),
                c.reporterVillageCode);
        var sanggah = c.caseType() == CaseType.SANGGAH
                ? new CaseApi.SanggahView(c.sanggahReason, c.sanggahStatement, c.photoRef, c.photoLatitude, c.photoLongitude)
                : null;
        var breaches = sla.breaches(c.caseType(), c.verifyDueAt, c.verifiedAt, c.followUpDueAt, c.decidedAt, now).stream()
                .map(b -> new CaseApi.SlaBreach(b.rule(), b.dueAt(), b.metAt()))
                .toList();
        return new CaseApi.CaseView(c.number, c.caseType(), Channel.valueOf(c.channel), c.caseStatus(), handling(c),
                c.villageCode, c.householdId, c.programCode, reporter, c.description, sanggah, c.outcomeDetail,
                c.submittedAt, c.verifiedAt, c.decidedAt, c.closedAt,
                new CaseApi.Sla(c.verifyDueAt, c.followUpDueAt, breaches), allowed,
                activity.stream().map(CaseMapper::activity).toList(), explanation, c.version);
    }

    public static CaseApi.CaseSummary summary(CaseEntity c) {
        return new CaseApi.CaseSummary(c.number, c.caseType(), Channel.valueOf(c.channel), c.caseStatus(), c.level(), c.team,
                c.villageCode, c.programCode, c.reporterNik == null ? null : Masking.nik(c.reporterNik), c.submittedAt,
                c.verifyDueAt, c.followUpDueAt);
    }

    public static CaseApi.TrackedCase tracked(CaseEntity c, List<CaseActivityEntity> activity) {
        var timeline = activity.stream()
                .filter(a -> !CaseAction.NOTE.name().equals(a.action) && !CaseAction.ASSIGN.name().equals(a.action))
                .map(a -> new CaseApi.TimelineEntry(a.at, CaseAction.valueOf(a.action), CaseStatus.valueOf(a.toStatus)))
                .toList();
        return new CaseApi.TrackedCase(c.number, c.caseType(), c.caseStatus(), c.level(), c.villageCode, c.programCode,
                c.reporterNik == null ? null : Masking.nik(c.reporterNik), c.submittedAt, c.verifyDueAt, c.followUpDueAt,
                c.decidedAt, timeline);
    }

    static CaseApi.Activity activity(CaseActivityEntity a) {
        return new CaseApi.Activity(a.at, CaseAction.valueOf(a.action), CaseStatus.valueOf(a.fromStatus),
                CaseStatus.valueOf(a.toStatus), a.actor, a.note, a.assignee, Arrays.asList(a.attachments));
    }
}
