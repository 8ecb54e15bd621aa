package id.lumbung.eligibility.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.ProgramRules;
import id.lumbung.eligibility.events.DeterminationEvents;
import id.lumbung.eligibility.mapping.HouseholdEventMapper;
import id.lumbung.eligibility.persistence.DeterminationEntity;
import id.lumbung.eligibility.persistence.DeterminationStore;
import id.lumbung.eligibility.persistence.HouseholdProjectionEntity;
import id.lumbung.eligibility.persistence.HouseholdProjections;
import id.lumbung.platform.id.Masking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
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

    public HouseholdProjector(HouseholdProjections projections, DeterminationStore determinations,
            DeterminationEvents events, RuleCatalog rules, ObjectMapper json, Clock clock) {
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
        var now = clock.instant();
        if (!projections.storeIfNewer(household, membersJson, now)) {
            LOG.debugf("household %s version %d is not newer than the projection: ignored", household.id(),
                    household.registryVersion());
            return false;
        }
        var decided = decide(household);
        determinations.replace(household.id(), decided, now);
        decided.forEach(d -> events.made(d.determination(), now));
        LOG.infof("household %s (KK %s) version %d: %d programs decided, %d eligible", household.id(),
                Masking.nik(household.noKk()), household.registryVersion(), decided.size(),
                decided.stream().filter(d -> d.determination().eligible()).count());
        return true;
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
        var decided = decide(household);
        determinations.replace(householdId, decided, now);
        var changed = decided.stream().filter(d -> changed(before.get(d.determination().programCode() + "|"
                + d.determination().period()), d)).toList();
        changed.forEach(d -> events.made(d.determination(), now));
        LOG.infof("household %s re-decided at registry version %d: %d of %d determinations changed", householdId,
                household.registryVersion(), changed.size(), decided.size());
        return changed.size();
    }

    private List<DeterminationStore.Decided> decide(Household household) {
        var published = rules.published();
        var ruleIds = new HashMap<String, Long>();
        published.forEach(p -> ruleIds.put(p.rule().programCode() + "#" + p.rule().version(), p.id()));
        var aid = determinations.aidReceived(household.id());
        var findings = determinations.findings(household.id());
        return ProgramRules.applicable(published.stream().map(RuleCatalog.PublishedRule::rule).toList(),
                household.villageCode()).stream()
                .map(rule -> new DeterminationStore.Decided(
                        ProgramRules.evaluate(rule, household, aid.getOrDefault(rule.period().toString(), Set.of()),
                                findings),
                        ruleIds.get(rule.programCode() + "#" + rule.version())))
                .toList();
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
