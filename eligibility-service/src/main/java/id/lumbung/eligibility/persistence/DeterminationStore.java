package id.lumbung.eligibility.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.domain.ComplaintFinding;
import id.lumbung.eligibility.domain.Determination;
import id.lumbung.eligibility.domain.ProgramPeriod;
import id.lumbung.platform.sql.SqlArrays;
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
        replace(Map.of(householdId, decided), at);
    }

    /**
     * {@link #replace(UUID, Collection, Instant)} for many households in two statements: the rows go to the
     * server as arrays and are upserted as a set; the stale ones are found by an anti-join against the same keys.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(Map<UUID, ? extends Collection<Decided>> decidedByHousehold, Instant at) {
        if (decidedByHousehold.isEmpty()) {
            return;
        }
        var all = decidedByHousehold.values().stream().flatMap(Collection::stream).toList();
        try (var c = dataSource.getConnection()) {
            var households = SqlArrays.column(c, "uuid", all, d -> d.determination().householdId());
            var programs = SqlArrays.column(c, "text", all, d -> d.determination().programCode());
            var periods = SqlArrays.column(c, "text", all, d -> d.determination().period().toString());
            if (!all.isEmpty()) {
                try (var upsert = c.prepareStatement("""
                        insert into determination (household_id, program_code, period, village_code, eligible, reasons,
                            rule_version_id, rule_version, registry_version, determined_at)
                        select d.household_id, d.program_code, d.period, d.village_code, d.eligible, d.reasons::jsonb,
                            d.rule_version_id, d.rule_version, d.registry_version, ?::timestamptz
                        from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::bigint[],
                            ?::integer[], ?::bigint[]) as d(household_id, program_code, period, village_code, eligible,
                            reasons, rule_version_id, rule_version, registry_version)
                        on conflict (household_id, program_code, period) do update set village_code = excluded.village_code,
                            eligible = excluded.eligible, reasons = excluded.reasons, rule_version_id = excluded.rule_version_id,
                            rule_version = excluded.rule_version, registry_version = excluded.registry_version,
                            determined_at = excluded.determined_at""")) {
                    upsert.setTimestamp(1, Timestamp.from(at));
                    upsert.setArray(2, households);
                    upsert.setArray(3, programs);
                    upsert.setArray(4, periods);
                    upsert.setArray(5, SqlArrays.column(c, "text", all, d -> d.determination().villageCode()));
                    upsert.setArray(6, SqlArrays.column(c, "boolean", all, d -> d.determination().eligible()));
                    upsert.setArray(7, SqlArrays.column(c, "text", all, d -> reasonsJson(d.determination())));
                    upsert.setArray(8, SqlArrays.column(c, "bigint", all, Decided::ruleVersionId));
                    upsert.setArray(9, SqlArrays.column(c, "integer", all, d -> d.determination().ruleVersion()));
                    upsert.setArray(10, SqlArrays.column(c, "bigint", all, d -> d.determination().registryVersion()));
                    upsert.executeUpdate();
                }
            }
            try (var stale = c.prepareStatement("""
                    delete from determination d where d.household_id = any (?)
                    and not exists (select 1 from unnest(?::uuid[], ?::text[], ?::text[]) as k(household_id, program_code, period)
                                    where k.household_id = d.household_id and k.program_code = d.program_code
                                      and k.period = d.period)""")) {
                stale.setArray(1, c.createArrayOf("uuid", decidedByHousehold.keySet().toArray()));
                stale.setArray(2, households);
                stale.setArray(3, programs);
                stale.setArray(4, periods);
                stale.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("determination write failed: " + e.getMessage(), e);
        }
    }

    private String reasonsJson(Determination d) {
        try {
            return json.writeValueAsString(d.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("determination write failed: " + e.getMessage(), e);
        }
    }

    /** The programs each household receives, per period (what "no double aid" rules look at); one without is absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Map<String, Set<String>>> aidReceived(Collection<UUID> householdIds) {
        var byHousehold = new HashMap<UUID, Map<String, Set<String>>>();
        try (var c = dataSource.getConnection(); var select = c.prepareStatement(
                "select household_id, period, program_code from aid_receipt where household_id = any (?)")) {
            select.setArray(1, c.createArrayOf("uuid", householdIds.toArray()));
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    byHousehold.computeIfAbsent(rs.getObject(1, UUID.class), h -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), p -> new HashSet<>()).add(rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("aid receipt read failed: " + e.getMessage(), e);
        }
        return byHousehold;
    }

    /** Each household's decided complaints that bear on eligibility (tolak, sanggah); one without is absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, List<ComplaintFinding>> findings(Collection<UUID> householdIds) {
        var byHousehold = new HashMap<UUID, List<ComplaintFinding>>();
        try (var c = dataSource.getConnection(); var select = c.prepareStatement("""
                select household_id, kind, program_code, from_period, registry_version
                from complaint_finding where household_id = any (?)""")) {
            select.setArray(1, c.createArrayOf("uuid", householdIds.toArray()));
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    long version = rs.getLong(5);
                    Long registryVersion = rs.wasNull() ? null : version;
                    byHousehold.computeIfAbsent(rs.getObject(1, UUID.class), h -> new ArrayList<>())
                            .add(switch (ComplaintFinding.Kind.valueOf(rs.getString(2))) {
                                case TOLAK -> ComplaintFinding.tolak(rs.getString(3), ProgramPeriod.parse(rs.getString(4)));
                                case SANGGAH -> ComplaintFinding.sanggah(rs.getString(3), registryVersion);
                            });
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("complaint finding read failed: " + e.getMessage(), e);
        }
        return byHousehold;
    }
}
