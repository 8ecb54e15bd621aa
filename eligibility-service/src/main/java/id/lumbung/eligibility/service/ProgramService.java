package id.lumbung.eligibility.service;

import id.lumbung.eligibility.mapping.ProgramMapper;
import id.lumbung.eligibility.persistence.ProgramEntity;
import id.lumbung.eligibility.persistence.ProgramRuleVersionEntity;
import id.lumbung.eligibility.rest.ProgramApi;
import id.lumbung.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.Collectors;

/** Reads programs and their rule versions. */
@ApplicationScoped
public class ProgramService {

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProgramApi.ProgramSummary> list() {
        var published = ProgramRuleVersionEntity.published().stream()
                .collect(Collectors.groupingBy(r -> r.programCode));
        return ProgramEntity.<ProgramEntity>listAll(io.quarkus.panache.common.Sort.by("code")).stream()
                .map(p -> ProgramMapper.summary(p, published.getOrDefault(p.code, List.of())))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgramApi.ProgramView find(String code) {
        ProgramEntity program = ProgramEntity.findById(code);
        if (program == null) {
            throw ProblemException.notFound("program", code);
        }
        return ProgramMapper.view(program, ProgramRuleVersionEntity.ofProgram(code));
    }
}
