package id.lumbung.eligibility.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.events.DeterminationEvents;
import id.lumbung.platform.events.EventEnvelope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the determinations of one rule over one chunk of households in a single statement, together with the
 * {@code eligibility.determinations.v1} events of the ones that changed.
 *
 * <p>The events go straight into {@code outbox_event} from the same statement, in the exact CloudEvent JSON the
 * platform {@code Outbox} writes (the relay publishes {@code payload::text}, so a jsonb object with the same
 * members is byte for byte the same record on the topic). Going through {@code Outbox#publish} would mean a
 * round trip and a JSON serialisation per changed household: at a million households that is most of the run.
 * State and events still commit together, chunk by chunk.
 */
@ApplicationScoped
public class BatchDeterminations {

    /** What one chunk did for one rule. */
    public record ChunkResult(long decided, long eligible, long changed) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final String source;

    public BatchDeterminations(AgroalDataSource dataSource, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.json = json;
        this.source = "/lumbung/" + service;
    }

    /**
     * Decides the households with ids in ({@code after}, {@code upTo}] (either bound open when null) by
     * {@code rule}, writing only what changed and never going back to an older registry version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChunkResult decide(RuleSql rule, long ruleVersionId, UUID after, UUID upTo, Instant at) {
        String filter = (after == null ? "true" : "h.household_id > ?") + " and " + (upTo == null ? "true" : "h.household_id <= ?");
        String sql = rule.decided(filter) + """
                , written as (
                    insert into determination as d (household_id, program_code, period, village_code, eligible, reasons,
                        rule_version_id, rule_version, registry_version, determined_at)
                    select household_id, ?, ?, village_code, jsonb_array_length(reasons) = 0, reasons, ?, ?,
                        registry_version, ?
                    from decided
                    on conflict (household_id, program_code, period) do update set village_code = excluded.village_code,
                        eligible = excluded.eligible, reasons = excluded.reasons, rule_version_id = excluded.rule_version_id,
                        rule_version = excluded.rule_version, registry_version = excluded.registry_version,
                        determined_at = excluded.determined_at
                    where d.registry_version <= excluded.registry_version
                      and (d.village_code, d.eligible, d.reasons, d.rule_version_id, d.registry_version)
                          is distinct from (excluded.village_code, excluded.eligible, excluded.reasons,
                                            excluded.rule_version_id, excluded.registry_version)
                    returning d.household_id, d.village_code, d.eligible, d.reasons, d.registry_version
                ), events as (
                    insert into outbox_event (id, topic, event_key, event_type, payload)
                    select e.id, ?, e.household_id::text || ?, ?, jsonb_build_object(
                        'specversion', '1.0', 'id', e.id::text, 'source', ?, 'type', ?,
                        'datacontenttype', 'application/json', 'subject', e.household_id::text || ?, 'time', ?,
                        'data', jsonb_build_object('householdId', e.household_id::text, 'villageCode', e.village_code,
                            'programCode', ?, 'period', ?, 'ruleVersion', ?, 'registryVersion', e.registry_version,
                            'eligible', e.eligible, 'reasons', e.reasons, 'determinedAt', ?))
                    from (select gen_random_uuid() as id, w.* from written w) e
                    returning 1
                )
                select (select count(*) from decided), (select count(*) from decided where reasons = '[]'::jsonb),
                       (select count(*) from events)""";
        var r = rule.rule();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            int i = 0;
            if (after != null) {
                s.setObject(++i, after);
            }
            if (upTo != null) {
                s.setObject(++i, upTo);
            }
            s.setString(++i, r.programCode());
            s.setString(++i, r.period().toString());
            s.setLong(++i, ruleVersionId);
            s.setInt(++i, r.version());
            s.setTimestamp(++i, Timestamp.from(at));
            s.setString(++i, DeterminationEvents.TOPIC);
            s.setString(++i, DeterminationEvents.keySuffix(r.programCode(), r.period().toString()));
            s.setString(++i, DeterminationEvents.MADE);
            s.setString(++i, source);
            s.setString(++i, DeterminationEvents.MADE);
            s.setString(++i, DeterminationEvents.keySuffix(r.programCode(), r.period().toString()));
            s.setString(++i, envelopeTime(at));
            s.setString(++i, r.programCode());
            s.setString(++i, r.period().toString());
            s.setInt(++i, r.version());
            s.setString(++i, json.writeValueAsString(at).replace("\"", ""));
            try (var rs = s.executeQuery()) {
                rs.next();
                return new ChunkResult(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("batch determination of " + r.programCode() + " " + r.period()
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** The upper id of the chunk of {@code size} households after {@code after}; null when fewer remain. */
    public UUID chunkEnd(UUID after, int size) {
        String sql = "select household_id from household_projection " + (after == null ? "" : "where household_id > ? ")
                + "order by household_id offset ? limit 1";
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            int i = 0;
            if (after != null) {
                s.setObject(++i, after);
            }
            s.setInt(++i, size - 1);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("chunk boundary read failed: " + e.getMessage(), e);
        }
    }

    /** The CloudEvents {@code time} exactly as the envelope library writes it. */
    private String envelopeTime(Instant at) {
        try {
            return json.readTree(EventEnvelope.serialize(json, source, "t", "s", at, Map.of())).get("time").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
