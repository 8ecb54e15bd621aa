package id.lumbung.eligibility.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.ProgramRules;
import id.lumbung.eligibility.events.DeterminationEvents;
import id.lumbung.eligibility.mapping.HouseholdEventMapper;
import id.lumbung.eligibility.persistence.DeterminationEntity;
import id.lumbung.eligibility.persistence.DeterminationStore;
import id.lumbung.eligibility.persistence.HouseholdErasures;
import id.lumbung.eligibility.persistence.HouseholdProjectionEntity;
import id.lumbung.eligibility.persistence.HouseholdProjections;
import id.lumbung.platform.id.Masking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A household change from the registry: update the projection and re-decide every program whose published
 * rule applies in the household's region, with the events, all in one transaction. A decided complaint
 * re-decides the projected household the same way.
 */
@ApplicationScoped
public class HouseholdProjector {

    private static final Logger LOG = Logger.getLogger(HouseholdProjector.class);

    private final HouseholdProjections projections;
    private final DeterminationStore determinations;
    private final DeterminationEvents events;
    private final RuleCatalog rules;
    private final ObjectMapper json;
    private final Clock clock;
    private final DeterminationMetrics metrics;
    private final HouseholdErasures erasures;

    public HouseholdProjector(HouseholdProjections projections, DeterminationStore determinations,
            DeterminationEvents events, RuleCatalog rules, ObjectMapper json, Clock clock, DeterminationMetrics metrics,
            HouseholdErasures erasures) {
        this.metrics = metrics;
        this.erasures = erasures;
        this.projections = projections;
        this.determinations = determinations;
        this.events = events;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    /** Returns false when the projection already holds this or a newer registry version (nothing changes). */
    @Transactional
    public boolean project(Household household, String membersJson) {
        return project(List.of(new HouseholdProjections.Incoming(household, membersJson))) == 1;
    }

    /**
     * Projects many household states (at most one per household) together: the ones newer than the projection
     * are stored and decided with a fixed number of statements for the whole set. Returns how many were newer.
     */
    @Transactional
    public int project(List<HouseholdProjections.Incoming> incoming) {
        var now = clock.instant();
        var stored = projections.storeIfNewer(incoming, now);
        if (stored.size() < incoming.size()) {
            LOG.debugf("%d of %d household states are not newer than the projection: ignored",
                    incoming.size() - stored.size(), incoming.size());
        }
        var households = incoming.stream().map(HouseholdProjections.Incoming::household)
                .filter(h -> stored.contains(h.id())).toList();
        if (households.isEmpty()) {
            return 0;
        }
        var decided = decide(households);
        determinations.replace(decided, now);
        var all = decided.values().stream().flatMap(List::stream).map(DeterminationStore.Decided::determination).toList();
        events.made(all, now);
        metrics.byEvent(all, all.size());
        if (LOG.isDebugEnabled()) {
            for (var h : households) {
                LOG.debugf("household %s (KK %s) version %d: %d programs decided", h.id(), Masking.nik(h.noKk()),
                        h.registryVersion(), decided.get(h.id()).size());
            }
        }
        LOG.infof("%d households projected: %d programs decided, %d eligible", households.size(), all.size(),
                all.stream().filter(d -> d.eligible()).count());
        return households.size();
    }

    /**
     * Forgets households the registry erased: their projection, determinations (with a tombstone for each
     * determination published, so the compacted topic forgets them too), draft list entries, payment statuses and
     * findings. Returns how many were projected.
     */
    @Transactional
    public int erase(List<UUID> householdIds) {
        var removed = erasures.erase(householdIds);
        events.erased(removed.determinationKeys());
        LOG.infof("%d households erased by the registry: %d projected, %d determinations and %d draft list entries removed",
                householdIds.size(), removed.households(), removed.determinationKeys().size(), removed.draftEntries());
        return removed.households();
    }

    /**
     * Re-decides a projected household on the data it already has (e.g. after a decided complaint) and publishes
     * only the determinations that changed. Returns how many changed; 0 when the household is not projected.
     */
    @Transactional
    public int reevaluate(UUID householdId) {
        HouseholdProjectionEntity entity = HouseholdProjectionEntity.findById(householdId);
        if (entity == null) {
            LOG.infof("household %s is not projected yet: it is decided when the registry announces it", householdId);
            return 0;
        }
        var household = household(entity);
        Map<String, DeterminationEntity> before = new HashMap<>();
        DeterminationEntity.ofHousehold(householdId, null, null).forEach(d -> before.put(d.programCode + "|" + d.period, d));
        var now = clock.instant();
        var decided = decide(List.of(household)).get(householdId);
        determinations.replace(householdId, decided, now);
        var changed = decided.stream().filter(d -> changed(before.get(d.determination().programCode() + "|"
                + d.determination().period()), d)).toList();
        events.made(changed.stream().map(DeterminationStore.Decided::determination).toList(), now);
        metrics.byEvent(decided.stream().map(DeterminationStore.Decided::determination).toList(), changed.size());
        LOG.infof("household %s re-decided at registry version %d: %d of %d determinations changed", householdId,
                household.registryVersion(), changed.size(), decided.size());
        return changed.size();
    }

    /** Every household's determinations under the published rules that apply in its region, keyed by household. */
    private Map<UUID, List<DeterminationStore.Decided>> decide(List<Household> households) {
        var published = rules.published();
        var ruleIds = new HashMap<String, Long>();
        published.forEach(p -> ruleIds.put(p.rule().programCode() + "#" + p.rule().version(), p.id()));
        var allRules = published.stream().map(RuleCatalog.PublishedRule::rule).toList();
        var ids = households.stream().map(Household::id).toList();
        var aid = determinations.aidReceived(ids);
        var findings = determinations.findings(ids);
        var decided = new LinkedHashMap<UUID, List<DeterminationStore.Decided>>();
        for (var household : households) {
            var received = aid.getOrDefault(household.id(), Map.of());
            var found = findings.getOrDefault(household.id(), List.of());
            decided.put(household.id(), ProgramRules.applicable(allRules, household.villageCode()).stream()
                    .map(rule -> new DeterminationStore.Decided(
                            ProgramRules.evaluate(rule, household, received.getOrDefault(rule.period().toString(), Set.of()),
                                    found),
                            ruleIds.get(rule.programCode() + "#" + rule.version())))
                    .toList());
        }
        return decided;
    }

    private static boolean changed(DeterminationEntity before, DeterminationStore.Decided now) {
        if (before == null) {
            return true;
        }
        var d = now.determination();
        var reasons = d.reasons().stream().map(r -> Map.of("code", r.code(), "id", r.id(), "en", r.en())).toList();
        return before.eligible != d.eligible() || before.ruleVersionId != now.ruleVersionId()
                || before.registryVersion != d.registryVersion() || !Objects.equals(before.villageCode, d.villageCode())
                || !Objects.equals(before.reasons, reasons);
    }

    /** The projected household as the registry last sent it, through the same mapping as the event. */
    private Household household(HouseholdProjectionEntity e) {
        ObjectNode data = json.createObjectNode();
        data.put("householdId", e.householdId.toString());
        data.put("noKk", e.noKk);
        data.put("villageCode", e.villageCode);
        if (e.desil != null) {
            data.put("desil", e.desil.intValue());
        }
        data.put("desilPeriod", e.desilPeriod);
        data.put("status", e.status);
        data.put("version", e.registryVersion);
        data.put("kksCard", e.kksCard);
        if (e.monthlyIncome != null) {
            data.put("monthlyIncome", e.monthlyIncome);
        }
        data.set("members", json.valueToTree(e.members));
        return HouseholdEventMapper.household(data);
    }
}
