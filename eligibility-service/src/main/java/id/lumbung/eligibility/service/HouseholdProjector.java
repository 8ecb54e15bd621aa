package id.lumbung.eligibility.service;

import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.ProgramRules;
import id.lumbung.eligibility.events.DeterminationEvents;
import id.lumbung.eligibility.persistence.DeterminationStore;
import id.lumbung.eligibility.persistence.HouseholdProjections;
import id.lumbung.platform.id.Masking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A household change from the registry: update the projection and re-decide every program whose published
 * rule applies in the household's region, with the events, all in one transaction.
 */
@ApplicationScoped
public class HouseholdProjector {

    private static final Logger LOG = Logger.getLogger(HouseholdProjector.class);

    private final HouseholdProjections projections;
    private final DeterminationStore determinations;
    private final DeterminationEvents events;
    private final RuleCatalog rules;
    private final Clock clock;

    public HouseholdProjector(HouseholdProjections projections, DeterminationStore determinations,
            DeterminationEvents events, RuleCatalog rules, Clock clock) {
        this.projections = projections;
        this.determinations = determinations;
        this.events = events;
        this.rules = rules;
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
        var published = rules.published();
        var ruleIds = new HashMap<String, Long>();
        published.forEach(p -> ruleIds.put(p.rule().programCode() + "#" + p.rule().version(), p.id()));
        var aid = determinations.aidReceived(household.id());
        var decided = ProgramRules.applicable(published.stream().map(RuleCatalog.PublishedRule::rule).toList(),
                household.villageCode()).stream()
                .map(rule -> new DeterminationStore.Decided(
                        ProgramRules.evaluate(rule, household, aid.getOrDefault(rule.period().toString(), Set.of())),
                        ruleIds.get(rule.programCode() + "#" + rule.version())))
                .toList();
        determinations.replace(household.id(), decided, now);
        decided.forEach(d -> events.made(d.determination(), now));
        LOG.infof("household %s (KK %s) version %d: %d programs decided, %d eligible", household.id(),
                Masking.nik(household.noKk()), household.registryVersion(), decided.size(),
                decided.stream().filter(d -> d.determination().eligible()).count());
        return true;
    }
}
