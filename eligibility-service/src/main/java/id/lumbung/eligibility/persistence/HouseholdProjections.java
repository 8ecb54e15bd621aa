package id.lumbung.eligibility.persistence;

import id.lumbung.eligibility.domain.Household;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** Writes the household projection and its member index, in the caller's transaction. */
@ApplicationScoped
public class HouseholdProjections {

    private final AgroalDataSource dataSource;

    public HouseholdProjections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores {@code household} unless the projection already holds the same or a newer registry version
     * (events can arrive twice or late). Returns whether it was stored.
     *
     * @param membersJson the members as the registry sent them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeIfNewer(Household household, String membersJson, Instant at) {
        try (var c = dataSource.getConnection()) {
            int stored;
            try (var upsert = c.prepareStatement("""
                    insert into household_projection (household_id, no_kk, village_code, desil, desil_period, status,
                        registry_version, kks_card, monthly_income, members, projected_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                    on conflict (household_id) do update set no_kk = excluded.no_kk, village_code = excluded.village_code,
                        desil = excluded.desil, desil_period = excluded.desil_period, status = excluded.status,
                        registry_version = excluded.registry_version, kks_card = excluded.kks_card,
                        monthly_income = excluded.monthly_income, members = excluded.members,
                        projected_at = excluded.projected_at
                    where household_projection.registry_version < excluded.registry_version""")) {
                upsert.setObject(1, household.id());
                upsert.setString(2, household.noKk());
                upsert.setString(3, household.villageCode());
                upsert.setObject(4, household.desil() == null ? null : household.desil().shortValue(), Types.SMALLINT);
                upsert.setString(5, household.desilPeriod());
                upsert.setString(6, household.status().name());
                upsert.setLong(7, household.registryVersion());
                upsert.setBoolean(8, household.kksCard());
                upsert.setObject(9, household.monthlyIncome(), Types.BIGINT);
                upsert.setString(10, membersJson);
                upsert.setTimestamp(11, Timestamp.from(at));
                stored = upsert.executeUpdate();
            }
            if (stored == 0) {
                return false;
            }
            try (var delete = c.prepareStatement("delete from projection_member where household_id = ?")) {
                delete.setObject(1, household.id());
                delete.executeUpdate();
            }
            try (var insert = c.prepareStatement("""
                    insert into projection_member (household_id, position, nik, full_name, village_code, sex, birth_date,
                        relationship, life_status, disability, employment)
                    select ?, e.ord, e.m ->> 'nik', upper(e.m ->> 'fullName'), ?, e.m ->> 'sex',
                        (btrim(e.m ->> 'birthDate'))::date, e.m ->> 'relationship', btrim(e.m ->> 'lifeStatus'),
                        e.m ->> 'disability',
                        array(select jsonb_array_elements_text(case when jsonb_typeof(e.m -> 'employment') = 'array'
                                                                    then e.m -> 'employment' else '[]' end))
                    from jsonb_array_elements(?::jsonb) with ordinality as e(m, ord)""")) {
                insert.setObject(1, household.id());
                insert.setString(2, household.villageCode());
                insert.setString(3, membersJson);
                insert.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("household projection write failed: " + e.getMessage(), e);
        }
    }
}
