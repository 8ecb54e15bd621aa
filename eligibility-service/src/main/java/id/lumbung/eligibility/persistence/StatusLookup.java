package id.lumbung.eligibility.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads of the public status check. Whether the person is found or not, the same two queries run (the second
 * with an id no household has), so the work done does not tell the caller which it was. Both are index probes
 * whatever the planner's statistics say: "is the family on a finalized list" is asked per program row (a lateral
 * probe of the entry's primary key), never as a scan of every entry of the finalized lists.
 */
@ApplicationScoped
public class StatusLookup {

    /** Stands in for the household when no one was found: the program query still runs, over nothing. */
    static final UUID NOBODY = new UUID(0, 0);

    public record Person(UUID householdId, String fullName, Integer desil, String desilPeriod) {
    }

    public record ProgramRow(String programCode, String programName, String period, boolean eligible, String reasonsJson,
            boolean listed, String paymentStatus, Instant paymentAt) {
    }

    public record Result(Optional<Person> person, List<ProgramRow> programs) {
    }

    private static final String BY_NIK = """
            select m.household_id, m.full_name, h.desil, h.desil_period
            from projection_member m join household_projection h on h.household_id = m.household_id
            where m.nik = ? and m.life_status = 'ALIVE'
            limit 2""";
    private static final String BY_NAME = """
            select m.household_id, m.full_name, h.desil, h.desil_period
            from projection_member m join household_projection h on h.household_id = m.household_id
            where m.village_code = ? and btrim(regexp_replace(m.full_name, '\\s+', ' ', 'g')) = ? and m.life_status = 'ALIVE'
            limit 2""";
    private static final String PROGRAMS = """
            select d.program_code, p.name, d.period, d.eligible, d.reasons::text, fl.listed is not null as listed,
                ps.status, ps.at
            from determination d join program p on p.code = d.program_code
                left join payment_status ps on ps.household_id = d.household_id and ps.program_code = d.program_code
                    and ps.period = d.period
                left join lateral (select true as listed from beneficiary_list l
                                   join beneficiary_list_entry e on e.list_id = l.id and e.household_id = d.household_id
                                   where l.program_code = d.program_code and l.period = d.period and l.status = 'FINALIZED'
                                   limit 1) fl on true
            where d.household_id = ?
            order by d.period desc, d.program_code""";

    private final AgroalDataSource dataSource;

    public StatusLookup(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** By NIK. Two people with one NIK (a duplicate registration) are as good as none: nothing is told. */
    public Result byNik(String nik) {
        return lookup(BY_NIK, nik, null);
    }

    /** By the name as on the KTP (upper case, single spaces) within a village; a name shared by two is not told. */
    public Result byName(String villageCode, String normalizedName) {
        return lookup(BY_NAME, villageCode, normalizedName);
    }

    private Result lookup(String find, String first, String second) {
        try (var c = dataSource.getConnection()) {
            Optional<Person> person = Optional.empty();
            try (var s = c.prepareStatement(find)) {
                s.setString(1, first);
                if (second != null) {
                    s.setString(2, second);
                }
                try (var rs = s.executeQuery()) {
                    var found = new ArrayList<Person>();
                    while (rs.next()) {
                        int desil = rs.getInt(3);
                        Integer known = rs.wasNull() ? null : desil;
                        found.add(new Person(rs.getObject(1, UUID.class), rs.getString(2), known, rs.getString(4)));
                    }
                    if (found.size() == 1) {
                        person = Optional.of(found.getFirst());
                    }
                }
            }
            return new Result(person, programs(c, person.map(Person::householdId).orElse(NOBODY)));
        } catch (SQLException e) {
            throw new IllegalStateException("status lookup failed: " + e.getMessage(), e);
        }
    }

    private static List<ProgramRow> programs(Connection c, UUID householdId) throws SQLException {
        var rows = new ArrayList<ProgramRow>();
        try (PreparedStatement s = c.prepareStatement(PROGRAMS)) {
            s.setObject(1, householdId);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    var paidAt = rs.getTimestamp(8);
                    rows.add(new ProgramRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5), rs.getBoolean(6), rs.getString(7), paidAt == null ? null : paidAt.toInstant()));
                }
            }
        }
        return rows;
    }
}
