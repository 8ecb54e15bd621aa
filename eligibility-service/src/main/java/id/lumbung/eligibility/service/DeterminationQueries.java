package id.lumbung.eligibility.service;

import id.lumbung.eligibility.mapping.ProgramMapper;
import id.lumbung.eligibility.persistence.DeterminationEntity;
import id.lumbung.eligibility.persistence.HouseholdProjectionEntity;
import id.lumbung.eligibility.rest.DeterminationApi;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Reads a household's determinations within the caller's region scope, and records the read. */
@ApplicationScoped
public class DeterminationQueries {

    private final AuditLog audit;

    public DeterminationQueries(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public DeterminationApi.HouseholdDeterminations ofHousehold(UUID householdId, String programCode, String period,
            RegionScope scope) {
        HouseholdProjectionEntity household = HouseholdProjectionEntity.findById(householdId);
        if (household == null) {
            throw ProblemException.notFound("household", householdId);
        }
        scope.require(RegionCode.of(household.villageCode));
        var determinations = DeterminationEntity.ofHousehold(householdId, programCode, period);
        audit.record("READ", "household", householdId.toString(), "determinations"
                + (programCode == null ? "" : " program=" + programCode) + (period == null ? "" : " period=" + period));
        return ProgramMapper.determinations(household, determinations);
    }
}
