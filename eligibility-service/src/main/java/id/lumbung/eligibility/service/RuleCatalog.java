package id.lumbung.eligibility.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.domain.ProgramRule;
import id.lumbung.eligibility.mapping.RuleMapper;
import id.lumbung.eligibility.persistence.ProgramRuleVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The published rule versions as domain rules, each with the id of its row. */
@ApplicationScoped
public class RuleCatalog {

    public record PublishedRule(long id, ProgramRule rule) {
    }

    private final ObjectMapper json;

    public RuleCatalog(ObjectMapper json) {
        this.json = json;
    }

    public List<PublishedRule> published() {
        return ProgramRuleVersionEntity.published().stream()
                .map(e -> new PublishedRule(e.id, RuleMapper.rule(e.programCode, e.version, e.regionPrefix, e.period,
                        json.valueToTree(e.rules))))
                .toList();
    }
}
