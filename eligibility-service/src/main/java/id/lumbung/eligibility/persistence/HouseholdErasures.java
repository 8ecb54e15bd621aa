package id.lumbung.eligibility.persistence;

import id.lumbung.eligibility.events.DeterminationEvents;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of forgetting households the registry erased: the projection with its members, the determinations,
 * the entries of lists still in draft, payment statuses, complaint findings and aid receipts. Approved
 * (finalized) lists keep their entries: they are the decree the payments were made under.
 */
@ApplicationScoped
public class HouseholdErasures {

    /** What was removed; {@code determinationKeys} are the keys the determinations were published under. */
    public record Removed(int households, List<String> determinationKeys, int draftEntries) {
    }

    private final AgroalDataSource dataSource;

    public HouseholdErasures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Removed erase(Collection<UUID> householdIds) {
        try (var c = dataSource.getConnection()) {
            var ids = c.createArrayOf("uuid", householdIds.toArray());
            var keys = new ArrayList<String>();
            try (var s = c.prepareStatement("""
                    delete from determination where household_id = any(?)
                    returning household_id, program_code, period""")) {
                s.setArray(1, ids);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        keys.add(DeterminationEvents.key(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            int draftEntries;
            try (var s = c.prepareStatement("""
                    with removed as (
                        delete from beneficiary_list_entry e using beneficiary_list l
                        where l.id = e.list_id and l.status = 'DRAFT' and e.household_id = any(?)
                        returning e.list_id),
                    counted as (select list_id, count(*) as n from removed group by list_id),
                    recounted as (
                        update beneficiary_list l set total_beneficiaries = l.total_beneficiaries - counted.n
                        from counted where l.id = counted.list_id)
                    select coalesce(sum(n), 0) from counted""")) {
                s.setArray(1, ids);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    draftEntries = rs.getInt(1);
                }
            }
            update(c, "delete from payment_status where household_id = any(?)", ids);
            update(c, "delete from complaint_finding where household_id = any(?)", ids);
            update(c, "delete from aid_receipt where household_id = any(?)", ids);
            int households = update(c, "delete from household_projection where household_id = any(?)", ids);
            return new Removed(households, keys, draftEntries);
        } catch (SQLException e) {
            throw new IllegalStateException("could not erase households " + householdIds, e);
        }
    }

    private static int update(Connection c, String sql, java.sql.Array ids) throws SQLException {
        try (var s = c.prepareStatement(sql)) {
            s.setArray(1, ids);
            return s.executeUpdate();
        }
    }
}
