package id.lumbung.registry.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of erasing a household: everything the registry holds that names the household or a person who was only
 * ever its member, in the caller's transaction.
 */
@ApplicationScoped
public class HouseholdErasures {

    /** The household as found, locked for the erasure. */
    public record Locked(UUID id, String villageCode, String status, long version) {
    }

    /** What the erasure removed. */
    public record Removed(int persons, int memberships, int desilEntries, int proposals, int findings,
            int notificationsWithdrawn, int historyEntries) {
    }

    private final AgroalDataSource dataSource;

    public HouseholdErasures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Locked> lock(UUID id) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select village_code, status, version from household where id = ? for update")) {
            s.setObject(1, id);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Locked(id, rs.getString(1), rs.getString(2), rs.getLong(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read household " + id, e);
        }
    }

    /**
     * Removes the household, its memberships, desil history, findings and proposals, the persons who never belonged
     * to another household (with their change history), the household's change history, and the DCI notifications
     * about it not yet delivered; the bodies of those delivered keep no personal data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Removed erase(UUID id) {
        try (var c = dataSource.getConnection()) {
            List<String> persons = new ArrayList<>();
            try (var s = c.prepareStatement("""
                    select distinct m.nik from membership m where m.household_id = ?
                    and not exists (select 1 from membership o where o.nik = m.nik and o.household_id <> m.household_id)""")) {
                s.setObject(1, id);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        persons.add(rs.getString(1));
                    }
                }
            }
            var niks = c.createArrayOf("text", persons.toArray());
            int memberships = update(c, "delete from membership where household_id = ?", id);
            int desil = update(c, "delete from desil_history where household_id = ?", id);
            int findings = update(c, "delete from household_finding where household_id = ?", id);
            int proposals = update(c, "delete from proposal where household_id = ? or applied_household_id = ?", id, id);
            update(c, """
                    delete from job_lease where kind = 'dci-notification' and job_id in (
                        select id::text from dci_notification where household_id = ? and status = 'PENDING')""", id);
            int withdrawn = update(c, "delete from dci_notification where household_id = ? and status = 'PENDING'", id);
            update(c, "update dci_notification set body = '{}'::jsonb, last_error = null where household_id = ?", id);
            update(c, "delete from household where id = ?", id);
            int removedPersons = update(c, "delete from person where nik = any(?)", niks);
            int history = update(c, """
                    delete from change_log where (entity = 'household' and entity_id = ?)
                    or (entity = 'person' and entity_id = any(?))""", id.toString(), niks);
            return new Removed(removedPersons, memberships, desil, proposals, findings, withdrawn, history);
        } catch (SQLException e) {
            throw new IllegalStateException("could not erase household " + id, e);
        }
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (var s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof java.sql.Array array) {
                    s.setArray(i + 1, array);
                } else {
                    s.setObject(i + 1, parameters[i]);
                }
            }
            return s.executeUpdate();
        }
    }
}
