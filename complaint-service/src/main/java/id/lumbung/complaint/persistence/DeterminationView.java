package id.lumbung.complaint.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.complaint.domain.ExplanationPolicy;
import id.lumbung.platform.sql.SqlArrays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The local view of eligibility's determinations: the latest per household x program x period. A
 * determination arriving late (older {@code determinedAt}) never replaces a newer one.
 */
@ApplicationScoped
public class DeterminationView {

    /** A determination as kept here. */
    public record Determination(UUID householdId, String villageCode, String programCode, String period,
            int ruleVersion, long registryVersion, boolean eligible, List<ExplanationPolicy.Reason> reasons,
            Instant determinedAt) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public DeterminationView(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Keeps each of {@code determinations} unless a newer determination of the same household, program and
     * period is already kept; one statement for all of them (of several for one key in the batch, the newest).
     */
    public void keep(List<Determination> determinations) {
        if (determinations.isEmpty()) {
            return;
        }
        var newest = new java.util.LinkedHashMap<Key, Determination>();
        for (var d : determinations) {
            newest.merge(new Key(d.householdId(), d.programCode(), d.period()), d,
                    (kept, other) -> other.determinedAt().isAfter(kept.determinedAt()) ? other : kept);
        }
        var rows = List.copyOf(newest.values());
        em.unwrap(Session.class).doWork(connection -> {
            try (var upsert = connection.prepareStatement("""
                    insert into determination_view (household_id, program_code, period, village_code, eligible, reasons,
                                                    rule_version, registry_version, determined_at)
                    select d.household_id, d.program_code, d.period, d.village_code, d.eligible, d.reasons::jsonb,
                           d.rule_version, d.registry_version, d.determined_at
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::integer[], ?::bigint[],
                                ?::text[]::timestamptz[]) as d(household_id, program_code, period, village_code, eligible, reasons,
                                rule_version, registry_version, determined_at)
                    on conflict (household_id, program_code, period) do update
                       set village_code = excluded.village_code, eligible = excluded.eligible, reasons = excluded.reasons,
                           rule_version = excluded.rule_version, registry_version = excluded.registry_version,
                           determined_at = excluded.determined_at
                     where determination_view.determined_at < excluded.determined_at""")) {
                upsert.setArray(1, SqlArrays.column(connection, "uuid", rows, Determination::householdId));
                upsert.setArray(2, SqlArrays.column(connection, "text", rows, Determination::programCode));
                upsert.setArray(3, SqlArrays.column(connection, "text", rows, Determination::period));
                upsert.setArray(4, SqlArrays.column(connection, "text", rows, Determination::villageCode));
                upsert.setArray(5, SqlArrays.column(connection, "boolean", rows, Determination::eligible));
                upsert.setArray(6, SqlArrays.column(connection, "text", rows, this::reasonsJson));
                upsert.setArray(7, SqlArrays.column(connection, "integer", rows, Determination::ruleVersion));
                upsert.setArray(8, SqlArrays.column(connection, "bigint", rows, Determination::registryVersion));
                upsert.setArray(9, SqlArrays.column(connection, "text", rows, d -> d.determinedAt().toString()));
                upsert.executeUpdate();
            }
        });
    }

    /** The key of one determination: household, program, period. */
    public record Key(UUID householdId, String programCode, String period) {
    }

    /** Forgets the determinations with these keys: their household was erased from the registry. */
    public void forget(List<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (var delete = connection.prepareStatement(
                    "delete from determination_view where household_id = ? and program_code = ? and period = ?")) {
                for (var k : keys) {
                    delete.setObject(1, k.householdId());
                    delete.setString(2, k.programCode());
                    delete.setString(3, k.period());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        });
    }

    private String reasonsJson(Determination d) {
        try {
            return json.writeValueAsString(d.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest determination per program of the household (newest period first by determination time). */
    @SuppressWarnings("unchecked")
    public List<Determination> latestPerProgram(UUID householdId) {
        List<Object[]> rows = em.createNativeQuery("""
                select distinct on (program_code) household_id, village_code, program_code, period, rule_version,
                       registry_version, eligible, cast(reasons as text), determined_at
                  from determination_view where household_id = ?1
                 order by program_code, determined_at desc""")
                .setParameter(1, householdId)
                .getResultList();
        return rows.stream().map(this::determination).toList();
    }

    public Optional<Determination> latest(UUID householdId, String programCode) {
        return latestPerProgram(householdId).stream().filter(d -> d.programCode().equals(programCode)).findFirst();
    }

    private Determination determination(Object[] r) {
        try {
            var reasons = Arrays.asList(json.readValue((String) r[7], ExplanationPolicy.Reason[].class));
            return new Determination((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).intValue(), ((Number) r[5]).longValue(), (Boolean) r[6], reasons, instant(r[8]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
