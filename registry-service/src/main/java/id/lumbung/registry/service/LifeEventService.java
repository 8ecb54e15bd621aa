package id.lumbung.registry.service;

import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.registry.domain.Relationship;
import id.lumbung.registry.events.HouseholdEvents;
import id.lumbung.registry.persistence.HouseholdEntity;
import id.lumbung.registry.persistence.MembershipEntity;
import id.lumbung.registry.rest.HouseholdApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moves, splits and merges: the events that give a family a new KK. Membership is history, so members
 * leave with an end date and join the new KK from the same date; a KK left empty is dissolved.
 */
@ApplicationScoped
public class LifeEventService {

    public enum Detachment { MOVE, SPLIT }

    private final HouseholdChanges changes;
    private final Clock clock;

    public LifeEventService(HouseholdChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public HouseholdApi.LifeEventResult detach(UUID sourceId, Long expectedVersion, HouseholdApi.Detach in,
            Detachment kind, String actor, RegionScope scope) {
        requireNotFuture(in.date());
        var source = changes.lockForChange(sourceId, expectedVersion, scope);
        var village = RegionCode.of(in.villageCode() != null ? in.villageCode() : source.villageCode);
        scope.require(village);
        HouseholdService.requireVillage(village, "villageCode");
        if (kind == Detachment.SPLIT && !village.value().equals(source.villageCode)) {
            throw ProblemException.invalid("villageCode", "a split stays in the village; use a move to change village");
        }
        var current = MembershipEntity.current(sourceId);
        Map<String, MembershipEntity> byNik = current.stream().collect(Collectors.toMap(m -> m.nik, m -> m));
        var leaving = new HashSet<>(in.members());
        for (var nik : leaving) {
            if (!byNik.containsKey(nik)) {
                throw ProblemException.invalid("members", "NIK " + Masking.nik(nik) + " is not a current member of this KK");
            }
        }
        var closing = new ArrayList<MembershipEntity>();
        leaving.forEach(nik -> closing.add(byNik.get(nik)));
        if (in.remainingHead() != null && byNik.containsKey(in.remainingHead())) {
            closing.add(byNik.get(in.remainingHead()));
        }
        requireNotBeforeMembership(closing, in.date());
        if (!leaving.contains(in.newHead())) {
            throw ProblemException.invalid("newHead", "the head of the new KK must be one of the members who leave");
        }
        var staying = current.stream().filter(m -> !leaving.contains(m.nik)).toList();
        var oldHead = current.stream().filter(m -> Relationship.KEPALA_KELUARGA.name().equals(m.relationship)).findFirst();
        boolean headLeaves = oldHead.map(h -> leaving.contains(h.nik)).orElse(true);
        if (!staying.isEmpty() && headLeaves) {
            if (in.remainingHead() == null || leaving.contains(in.remainingHead()) || !byNik.containsKey(in.remainingHead())) {
                throw ProblemException.invalid("remainingHead",
                        "the head leaves: name who heads the old KK among the members who stay");
            }
        }
        HouseholdService.requireKkFree(in.newNoKk(), "newNoKk");
        var before = changes.view(source);

        var target = new HouseholdEntity();
        target.id = UUID.randomUUID();
        target.noKk = in.newNoKk();
        target.villageCode = village.value();
        target.address = in.address() != null ? in.address().strip() : source.address;
        target.rt = in.rt() != null ? in.rt() : source.rt;
        target.rw = in.rw() != null ? in.rw() : source.rw;
        boolean wholeFamily = staying.isEmpty();
        if (wholeFamily) {
            // the same family at a new address keeps what is known about it; a new family is ranked anew
            copyAttributes(source, target);
        }
        target.createdAt = clock.instant();
        target.updatedAt = target.createdAt;
        target.persist();

        for (var nik : in.members()) {
            var m = byNik.get(nik);
            m.validTo = in.date();
            String relationship = nik.equals(in.newHead()) ? Relationship.KEPALA_KELUARGA.name()
                    : Relationship.KEPALA_KELUARGA.name().equals(m.relationship) ? Relationship.FAMILI_LAIN.name()
                    : m.relationship;
            MembershipEntity.flush();
            HouseholdService.join(target.id, nik, relationship, in.date());
        }
        if (!staying.isEmpty() && headLeaves) {
            var newHead = byNik.get(in.remainingHead());
            newHead.validTo = in.date();
            MembershipEntity.flush();
            HouseholdService.join(sourceId, newHead.nik, Relationship.KEPALA_KELUARGA.name(), in.date());
        }
        String action = kind == Detachment.MOVE ? "MOVED" : "SPLIT";
        String eventType = kind == Detachment.MOVE ? HouseholdEvents.MOVED : HouseholdEvents.SPLIT;
        if (wholeFamily) {
            source.status = "DISSOLVED";
        }
        var sourceAfter = changes.changed(source, wholeFamily ? HouseholdEvents.DISSOLVED : eventType, action, actor,
                in.reason(), before);
        var targetAfter = changes.changed(target, eventType, action, actor, in.reason(), null);
        return new HouseholdApi.LifeEventResult(List.of(sourceAfter, targetAfter));
    }

    @Transactional
    public HouseholdApi.LifeEventResult merge(UUID targetId, Long expectedVersion, HouseholdApi.Merge in, String actor,
            RegionScope scope) {
        requireNotFuture(in.date());
        if (in.sourceHouseholdId().equals(targetId)) {
            throw ProblemException.invalid("sourceHouseholdId", "a KK cannot merge into itself");
        }
        if (in.relationshipOfSourceHead() == Relationship.KEPALA_KELUARGA) {
            throw ProblemException.invalid("relationshipOfSourceHead", "the target KK keeps its head");
        }
        // lock in id order so that two merges of the same pair cannot deadlock
        boolean targetFirst = targetId.compareTo(in.sourceHouseholdId()) < 0;
        HouseholdEntity target;
        HouseholdEntity source;
        if (targetFirst) {
            target = changes.lockForChange(targetId, expectedVersion, scope);
            source = changes.lockForChange(in.sourceHouseholdId(), null, scope);
        } else {
            source = changes.lockForChange(in.sourceHouseholdId(), null, scope);
            target = changes.lockForChange(targetId, expectedVersion, scope);
        }
        var targetBefore = changes.view(target);
        var sourceBefore = changes.view(source);
        requireNotBeforeMembership(MembershipEntity.current(source.id), in.date());
        for (var m : new ArrayList<>(MembershipEntity.current(source.id))) {
            m.validTo = in.date();
            MembershipEntity.flush();
            String relationship = Relationship.KEPALA_KELUARGA.name().equals(m.relationship)
                    ? in.relationshipOfSourceHead().name() : m.relationship;
            HouseholdService.join(target.id, m.nik, relationship, in.date());
        }
        source.status = "DISSOLVED";
        var sourceAfter = changes.changed(source, HouseholdEvents.DISSOLVED, "MERGED_AWAY", actor, in.reason(), sourceBefore);
        var targetAfter = changes.changed(target, HouseholdEvents.MERGED, "MERGED", actor, in.reason(), targetBefore);
        return new HouseholdApi.LifeEventResult(List.of(targetAfter, sourceAfter));
    }

    /** A membership ends on or after the day it began: a change dated earlier contradicts the KK's history. */
    private static void requireNotBeforeMembership(List<MembershipEntity> closing, LocalDate date) {
        for (var m : closing) {
            if (m.validFrom.isAfter(date)) {
                throw ProblemException.invalid("date", "NIK " + Masking.nik(m.nik) + " has been on this KK since "
                        + m.validFrom + "; the change cannot be dated " + date);
            }
        }
    }

    private void requireNotFuture(LocalDate date) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("date", "the date of a life event cannot be in the future");
        }
    }

    private static void copyAttributes(HouseholdEntity from, HouseholdEntity to) {
        to.housingTenure = from.housingTenure;
        to.floorAreaM2 = from.floorAreaM2;
        to.floorType = from.floorType;
        to.wallType = from.wallType;
        to.roofType = from.roofType;
        to.waterSource = from.waterSource;
        to.toilet = from.toilet;
        to.electricityVa = from.electricityVa;
        to.landAreaM2 = from.landAreaM2;
        to.assets = from.assets;
        to.livestock = from.livestock;
        to.monthlyIncome = from.monthlyIncome;
        to.kksCard = from.kksCard;
        to.desil = from.desil;
        to.desilPeriod = from.desilPeriod;
    }
}
