package id.lumbung.eligibility.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides a program period twice over the current projection, by the published rules and by the published rules
 * with a draft among them, into temporary tables, and counts per region who would gain and who would lose. No
 * determination is written.
 */
@ApplicationScoped
public class WhatIfQueries {

    public record Row(String regionCode, long eligibleNow, long eligibleWithDraft, long gains, long losses) {
    }

    private final AgroalDataSource dataSource;

    public WhatIfQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param regionLength characters of the village code to group by (2, 5, 8 or 13) */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Row> compare(List<RuleSql> now, List<RuleSql> withDraft, int regionLength) {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            fill(s, "what_if_now", now);
            fill(s, "what_if_draft", withDraft);
            var rows = new ArrayList<Row>();
            try (var rs = s.executeQuery("""
                    select substr(coalesce(d.village_code, n.village_code), 1, %d) as region,
                        count(*) filter (where n.eligible), count(*) filter (where d.eligible),
                        count(*) filter (where d.eligible and not coalesce(n.eligible, false)),
                        count(*) filter (where coalesce(n.eligible, false) and not coalesce(d.eligible, false))
                    from what_if_now n full join what_if_draft d on d.household_id = n.household_id
                    group by 1 having count(*) filter (where d.eligible is distinct from n.eligible) > 0
                    order by 1""".formatted(regionLength))) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
            s.execute("drop table what_if_now, what_if_draft");
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("what-if failed: " + e.getMessage(), e);
        }
    }

    private static void fill(java.sql.Statement s, String table, List<RuleSql> rules) throws SQLException {
        s.execute("create temporary table " + table
                + " (household_id uuid primary key, village_code text not null, eligible boolean not null) on commit drop");
        for (var rule : rules) {
            s.execute("insert into " + table + " " + rule.decided("true")
                    + " select household_id, village_code, jsonb_array_length(reasons) = 0 from decided");
        }
    }
}
