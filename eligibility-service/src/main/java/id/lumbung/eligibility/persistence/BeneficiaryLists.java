package id.lumbung.eligibility.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.domain.ProgramPeriod;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The set-based side of beneficiary lists: drafting the ranked entries, recording aid, reading entries in pages. */
@ApplicationScoped
public class BeneficiaryLists {

    /** Adults may collect aid for the family (KTP age). */
    static final int ADULT_AGE = 17;

    /** One household on a list, as the snapshot holds it. */
    public record Entry(int rank, UUID householdId, String noKk, String villageCode, Integer desil, boolean kksCard,
            int vulnerableMembers, String recipientNik, String recipientName, List<Map<String, String>> members) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public BeneficiaryLists(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Writes the entries of a draft: the eligible households of the program period within the region that are on
     * no finalized list of the same program period yet, ranked by desil (lowest first), then more vulnerable
     * members, then household id; each quota region keeps its first {@code n}. Returns how many were listed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int draft(UUID listId, String programCode, String period, String regionCode, Map<String, Integer> quotas) {
        var asOf = ProgramPeriod.parse(period).start();
        String age = RuleSql.age("p.birth_date", asOf);
        String sql = """
                with candidate as (
                    select h.household_id, h.no_kk, h.village_code, h.desil, h.kks_card,
                        (select count(*) from projection_member p where p.household_id = h.household_id
                            and p.life_status = 'ALIVE' and (p.disability is not null or (%1$s) >= 60 or (%1$s) < 6))
                            as vulnerable,
                        q.key as quota_region, q.value::int as quota
                    from determination d join household_projection h on h.household_id = d.household_id
                    left join lateral (select key, value from jsonb_each_text(?::jsonb)
                                       where h.village_code = key or h.village_code like key || '.%%') q on true
                    where d.program_code = ? and d.period = ? and d.eligible
                      and (d.village_code = ? or d.village_code like ? || '.%%')
                      and not exists (select 1 from beneficiary_list_entry e join beneficiary_list l on l.id = e.list_id
                                      where l.status = 'FINALIZED' and l.program_code = d.program_code
                                        and l.period = d.period and e.household_id = d.household_id)
                ), ranked as (
                    select c.*, row_number() over (partition by c.quota_region
                                                   order by c.desil nulls last, c.vulnerable desc, c.household_id) as in_quota
                    from candidate c
                ), chosen as (
                    select * from ranked where quota_region is null or in_quota <= quota
                )
                insert into beneficiary_list_entry (list_id, rank, household_id, no_kk, village_code, desil, kks_card,
                    vulnerable_members, recipient_nik, recipient_name, members)
                select ?, row_number() over (order by c.desil nulls last, c.vulnerable desc, c.household_id),
                    c.household_id, c.no_kk, c.village_code, c.desil, c.kks_card, c.vulnerable, r.nik, r.full_name,
                    coalesce((select jsonb_agg(jsonb_build_object('nik', p.nik, 'relationship', p.relationship)
                                               order by p.position)
                              from projection_member p where p.household_id = c.household_id and p.life_status = 'ALIVE'),
                             '[]'::jsonb)
                from chosen c
                left join lateral (
                    select p.nik, p.full_name from projection_member p
                    where p.household_id = c.household_id and p.life_status = 'ALIVE'
                    order by case when p.relationship = 'KEPALA_KELUARGA' then 0
                                  when p.relationship in ('SUAMI', 'ISTRI') and coalesce((%1$s) >= %2$d, false) then 1
                                  when coalesce((%1$s) >= %2$d, false) then 2 else 3 end,
                             p.birth_date nulls last, p.position
                    limit 1) r on true""".formatted(age, ADULT_AGE);
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setString(1, quotas == null ? "{}" : json.writeValueAsString(quotas));
            s.setString(2, programCode);
            s.setString(3, period);
            s.setString(4, regionCode);
            s.setString(5, regionCode);
            s.setObject(6, listId);
            return s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("beneficiary list draft failed: " + e.getMessage(), e);
        }
    }

    /** Households of the list already on another finalized list of the same program period. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long alreadyListed(UUID listId) {
        return count("""
                select count(*) from beneficiary_list_entry e join beneficiary_list mine on mine.id = e.list_id
                where e.list_id = ? and exists (
                    select 1 from beneficiary_list_entry o join beneficiary_list l on l.id = o.list_id
                    where l.status = 'FINALIZED' and l.id <> mine.id and l.program_code = mine.program_code
                      and l.period = mine.period and o.household_id = e.household_id)""", listId);
    }

    /** The aid the listed households now receive, for the no-double-aid rules of other programs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAid(UUID listId, String programCode, String period) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                insert into aid_receipt (household_id, program_code, period, source)
                select household_id, ?, ?, 'beneficiary-list:' || list_id from beneficiary_list_entry where list_id = ?
                on conflict do nothing""")) {
            s.setString(1, programCode);
            s.setString(2, period);
            s.setObject(3, listId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("aid receipt write failed: " + e.getMessage(), e);
        }
    }

    /** Entries ranked {@code fromRank}.. (1-based), at most {@code limit}. */
    public List<Entry> entries(UUID listId, int fromRank, int limit) {
        var result = new ArrayList<Entry>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                select rank, household_id, no_kk, village_code, desil, kks_card, vulnerable_members, recipient_nik,
                    recipient_name, members::text
                from beneficiary_list_entry where list_id = ? and rank >= ? order by rank limit ?""")) {
            s.setObject(1, listId);
            s.setInt(2, fromRank);
            s.setInt(3, limit);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(entry(rs));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("beneficiary list read failed: " + e.getMessage(), e);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Entry entry(ResultSet rs) throws SQLException, JsonProcessingException {
        short value = rs.getShort(5);
        // wasNull speaks of the last column read, so it is asked right after the desil, before any other column
        Integer desil = rs.wasNull() ? null : (int) value;
        return new Entry(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), desil,
                rs.getBoolean(6), rs.getInt(7), rs.getString(8), rs.getString(9), json.readValue(rs.getString(10), List.class));
    }

    private long count(String sql, UUID id) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
