package id.lumbung.eligibility.persistence;

import id.lumbung.eligibility.domain.Household;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Writes the household projection and its member index, in the caller's transaction. */
@ApplicationScoped
public class HouseholdProjections {

    private final AgroalDataSource dataSource;

    public HouseholdProjections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A household state as the registry sent it, with its members as the registry wrote them. */
    public record Incoming(Household household, String membersJson) {
    }

    /**
     * Stores {@code household} unless the projection already holds the same or a newer registry version
     * (events can arrive twice or late). Returns whether it was stored.
     *
     * @param membersJson the members as the registry sent them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeIfNewer(Household household, String membersJson, Instant at) {
        return !storeIfNewer(List.of(new Incoming(household, membersJson)), at).isEmpty();
    }

    /**
     * Stores every household of {@code incoming} (one state per household) that is newer than the projection,
     * in three statements whatever their number. Returns the ids of those stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> storeIfNewer(List<Incoming> incoming, Instant at) {
        if (incoming.isEmpty()) {
            return Set.of();
        }
        int n = incoming.size();
        var ids = new UUID[n];
        var noKk = new String[n];
        var villages = new String[n];
        var desil = new Integer[n];
        var desilPeriods = new String[n];
        var statuses = new String[n];
        var versions = new Long[n];
        var kks = new Boolean[n];
        var incomes = new Long[n];
        var members = new String[n];
        for (int i = 0; i < n; i++) {
            var h = incoming.get(i).household();
            ids[i] = h.id();
            noKk[i] = h.noKk();
            villages[i] = h.villageCode();
            desil[i] = h.desil();
            desilPeriods[i] = h.desilPeriod();
            statuses[i] = h.status().name();
            versions[i] = h.registryVersion();
            kks[i] = h.kksCard();
            incomes[i] = h.monthlyIncome();
            members[i] = incoming.get(i).membersJson();
        }
        try (var c = dataSource.getConnection()) {
            var stored = new HashSet<UUID>();
            try (var upsert = c.prepareStatement("""
                    insert into household_projection (household_id, no_kk, village_code, desil, desil_period, status,
                        registry_version, kks_card, monthly_income, members, projected_at)
                    select h.id, h.no_kk, h.village, h.desil, h.desil_period, h.status, h.version, h.kks, h.income,
                        h.members::jsonb, ?
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::smallint[], ?::text[], ?::text[], ?::bigint[],
                        ?::boolean[], ?::bigint[], ?::text[])
                        as h(id, no_kk, village, desil, desil_period, status, version, kks, income, members)
                    on conflict (household_id) do update set no_kk = excluded.no_kk, village_code = excluded.village_code,
                        desil = excluded.desil, desil_period = excluded.desil_period, status = excluded.status,
                        registry_version = excluded.registry_version, kks_card = excluded.kks_card,
                        monthly_income = excluded.monthly_income, members = excluded.members,
                        projected_at = excluded.projected_at
                    where household_projection.registry_version < excluded.registry_version
                    returning household_id""")) {
                upsert.setTimestamp(1, Timestamp.from(at));
                upsert.setArray(2, c.createArrayOf("uuid", ids));
                upsert.setArray(3, c.createArrayOf("text", noKk));
                upsert.setArray(4, c.createArrayOf("text", villages));
                upsert.setArray(5, c.createArrayOf("int4", desil));
                upsert.setArray(6, c.createArrayOf("text", desilPeriods));
                upsert.setArray(7, c.createArrayOf("text", statuses));
                upsert.setArray(8, c.createArrayOf("int8", versions));
                upsert.setArray(9, c.createArrayOf("bool", kks));
                upsert.setArray(10, c.createArrayOf("int8", incomes));
                upsert.setArray(11, c.createArrayOf("text", members));
                try (var rs = upsert.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            if (stored.isEmpty()) {
                return stored;
            }
            var storedIds = stored.toArray(UUID[]::new);
            try (var delete = c.prepareStatement("delete from projection_member where household_id = any (?)")) {
                delete.setArray(1, c.createArrayOf("uuid", storedIds));
                delete.executeUpdate();
            }
            try (var insert = c.prepareStatement("""
                    insert into projection_member (household_id, position, nik, full_name, village_code, sex, birth_date,
                        relationship, life_status, disability, employment)
                    select p.household_id, e.ord, e.m ->> 'nik', upper(e.m ->> 'fullName'), p.village_code, e.m ->> 'sex',
                        (btrim(e.m ->> 'birthDate'))::date, e.m ->> 'relationship', btrim(e.m ->> 'lifeStatus'),
                        e.m ->> 'disability',
                        array(select jsonb_array_elements_text(case when jsonb_typeof(e.m -> 'employment') = 'array'
                                                                    then e.m -> 'employment' else '[]' end))
                    from household_projection p
                    cross join lateral jsonb_array_elements(p.members) with ordinality as e(m, ord)
                    where p.household_id = any (?)""")) {
                insert.setArray(1, c.createArrayOf("uuid", storedIds));
                insert.executeUpdate();
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("household projection write failed: " + e.getMessage(), e);
        }
    }
}
