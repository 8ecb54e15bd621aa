package id.lumbung.eligibility.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.domain.ComplaintFinding;
import id.lumbung.eligibility.domain.Determination;
import id.lumbung.eligibility.domain.ProgramPeriod;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Writes determinations (one per household x program x period, replaced on re-evaluation) and reads received aid. */
@ApplicationScoped
public class DeterminationStore {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public DeterminationStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A determination with the id of the rule version row it was computed from. */
    public record Decided(Determination determination, long ruleVersionId) {
    }

    /**
     * Replaces the household's determinations by {@code decided}; a program period no longer decided for it
     * (e.g. a regional variant after a move out of the region) is removed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(UUID householdId, Collection<Decided> decided, Instant at) {
        try (var c = dataSource.getConnection()) {
            try (var upsert = c.prepareStatement("""
                    insert into determination (household_id, program_code, period, village_code, eligible, reasons,
                        rule_version_id, rule_version, registry_version, determined_at)
                    values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                    on conflict (household_id, program_code, period) do update set village_code = excluded.village_code,
                        eligible = excluded.eligible, reasons = excluded.reasons, rule_version_id = excluded.rule_version_id,
                        rule_version = excluded.rule_version, registry_version = excluded.registry_version,
                        determined_at = excluded.determined_at""")) {
                for (var d : decided) {
                    var det = d.determination();
                    upsert.setObject(1, det.householdId());
                    upsert.setString(2, det.programCode());
                    upsert.setString(3, det.period().toString());
                    upsert.setString(4, det.villageCode());
                    upsert.setBoolean(5, det.eligible());
                    upsert.setString(6, json.writeValueAsString(det.reasons()));
                    upsert.setLong(7, d.ruleVersionId());
                    upsert.setInt(8, det.ruleVersion());
                    upsert.setLong(9, det.registryVersion());
                    upsert.setTimestamp(10, Timestamp.from(at));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            try (var stale = c.prepareStatement("""
                    delete from determination where household_id = ?
                    and not (program_code || '|' || period = any (?))""")) {
                stale.setObject(1, householdId);
                stale.setArray(2, c.createArrayOf("text", decided.stream()
                        .map(d -> d.determination().programCode() + "|" + d.determination().period()).toArray()));
                stale.executeUpdate();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("determination write failed: " + e.getMessage(), e);
        }
    }

    /** The programs the household receives, per period: what "no double aid" rules look at. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Set<String>> aidReceived(UUID householdId) {
        var byPeriod = new HashMap<String, Set<String>>();
        try (var c = dataSource.getConnection();
                var select = c.prepareStatement("select period, program_code from aid_receipt where household_id = ?")) {
            select.setObject(1, householdId);
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    byPeriod.computeIfAbsent(rs.getString(1), p -> new HashSet<>()).add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("aid receipt read failed: " + e.getMessage(), e);
        }
        return byPeriod;
    }

    /** The household's decided complaints that bear on eligibility (tolak, sanggah), of any program and period. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ComplaintFinding> findings(UUID householdId) {
        var findings = new ArrayList<ComplaintFinding>();
        try (var c = dataSource.getConnection(); var select = c.prepareStatement(
                "select kind, program_code, from_period, registry_version from complaint_finding where household_id = ?")) {
            select.setObject(1, householdId);
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    long version = rs.getLong(4);
                    Long registryVersion = rs.wasNull() ? null : version;
                    findings.add(switch (ComplaintFinding.Kind.valueOf(rs.getString(1))) {
                        case TOLAK -> ComplaintFinding.tolak(rs.getString(2), ProgramPeriod.parse(rs.getString(3)));
                        case SANGGAH -> ComplaintFinding.sanggah(rs.getString(2), registryVersion);
                    });
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("complaint finding read failed: " + e.getMessage(), e);
        }
        return findings;
    }
}
