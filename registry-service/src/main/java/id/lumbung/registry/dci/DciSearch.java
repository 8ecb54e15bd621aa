package id.lumbung.registry.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.id.Masking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one DCI {@code search_request} item against the registry: set-based SQL for the page asked for
 * and its total, members of the page's households in one more query, mapped to DCI Group / Member
 * records. Always inside the caller's region scope; only ACTIVE households and current members.
 */
@ApplicationScoped
public class DciSearch {

    /** The {@code search_response} item and what it disclosed, for the audit log. */
    public record Outcome(ObjectNode item, int records, String described) {
    }

    private static final String TS = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";
    private static final String PERSON_COLUMNS = "p.nik, p.full_name, p.sex, to_char(p.birth_date, 'YYYY-MM-DD'), p.birth_place,"
            + " p.marital_status, p.education, p.occupation, p.disability, array_to_string(p.employment, ','), p.life_status,"
            + " to_char(p.death_date, 'YYYY-MM-DD'), to_char(p.created_at at time zone 'UTC', " + TS + "),"
            + " to_char(p.updated_at at time zone 'UTC', " + TS + "), m.relationship";
    private static final String GROUP_SIZE = "(select count(*) from membership gm where gm.household_id = h.id and gm.valid_to is null)";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final DciConfig config;

    public DciSearch(EntityManager em, ObjectMapper json, Clock clock, DciConfig config) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public Outcome run(JsonNode request, DciScope scope) {
        var item = json.createObjectNode();
        item.put("reference_id", request.path("reference_id").asText());
        item.put("timestamp", DciMessages.now(clock));
        if (request.hasNonNull("locale")) {
            item.set("locale", request.get("locale"));
        }
        JsonNode criteria = request.path("search_criteria");
        String queryType = criteria.path("query_type").asText();
        try {
            var entity = criteria.hasNonNull("response_entity")
                    ? ("Member".equals(criteria.get("response_entity").asText()) ? SearchCriteria.Entity.MEMBER : SearchCriteria.Entity.GROUP)
                    : SearchCriteria.defaultEntity(queryType, criteria.path("query"));
            var sql = new SearchCriteria(entity, LocalDate.now(clock), scope);
            String where = sql.where(queryType, criteria.path("query"));
            if (!scope.national()) {
                var ors = scope.likePatterns().stream().map(p -> "h.village_code like " + sql.param(p)).toList();
                where = "(" + where + ") and (" + String.join(" or ", ors) + ")";
            }
            String order = order(entity, criteria.path("sort"));
            int pageSize = pageValue(criteria.path("pagination").path("page_size"), 100);
            int pageNumber = pageValue(criteria.path("pagination").path("page_number"), 1);
            if (pageSize < 1 || pageSize > config.maxPageSize() || pageNumber < 1) {
                throw new SearchCriteria.Rejected("rjct.pagination.invalid",
                        "page_size is 1.." + config.maxPageSize() + " and page_number starts at 1");
            }
            var records = entity == SearchCriteria.Entity.GROUP
                    ? groups("h.status = 'ACTIVE' and " + where, order, sql.params, pageSize, pageNumber)
                    : members(where, order, sql.params, pageSize, pageNumber);
            String from = entity == SearchCriteria.Entity.GROUP ? "household h"
                    : "person p join membership m on m.nik = p.nik and m.valid_to is null join household h on h.id = m.household_id";
            long total = ((Number) bind(em.createNativeQuery("select count(*) from " + from + " where h.status = 'ACTIVE' and " + where),
                    sql.params).getSingleResult()).longValue();
            item.put("status", "succ");
            var data = item.putObject("data");
            data.put("version", "1.0.0");
            data.putArray("reg_records").addAll(records);
            var page = item.putObject("pagination");
            page.put("page_size", pageSize);
            page.put("page_number", pageNumber);
            page.put("total_count", total);
            return new Outcome(item, records.size(), describe(entity, queryType, criteria.path("query")));
        } catch (SearchCriteria.Rejected e) {
            item.put("status", "rjct");
            item.put("status_reason_code", e.reasonCode);
            item.put("status_reason_message", e.getMessage());
            return new Outcome(item, 0, "rejected " + queryType);
        }
    }

    private static int pageValue(JsonNode node, int absent) {
        if (node.isMissingNode() || node.isNull()) {
            return absent;
        }
        if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
            throw new SearchCriteria.Rejected("rjct.pagination.invalid", "page_size and page_number are whole numbers");
        }
        return node.asInt();
    }

    private static String order(SearchCriteria.Entity entity, JsonNode sort) {
        var parts = new ArrayList<String>();
        for (var s : sort) {
            boolean desc = "desc".equals(s.path("sort_order").asText("asc"));
            String name = s.path("attribute_name").asText("").toLowerCase(Locale.ROOT);
            String column = switch (name) {
                case "poverty_score", "desil" -> "h.desil";
                case "group_size", "household_size" -> GROUP_SIZE;
                case "region", "location", "village_code" -> "h.village_code";
                case "age", "birth_date" -> entity == SearchCriteria.Entity.MEMBER ? "p.birth_date" : null;
                default -> null;
            };
            if (column == null) {
                throw new SearchCriteria.Rejected("rjct.sort.invalid", "cannot sort " + entity.name().toLowerCase(Locale.ROOT)
                        + " records by " + s.path("attribute_name").asText());
            }
            // older first = earlier birth date first
            boolean descending = name.equals("age") != desc;
            parts.add(column + (descending ? " desc nulls last" : " asc nulls last"));
        }
        parts.add(entity == SearchCriteria.Entity.GROUP ? "h.no_kk, h.id" : "p.nik");
        return String.join(", ", parts);
    }

    @SuppressWarnings("unchecked")
    private List<ObjectNode> groups(String where, String order, List<Object> params, int size, int page) {
        List<Object[]> rows = bind(em.createNativeQuery("""
                select h.id, h.no_kk, h.village_code, r.name, h.address, h.rt, h.rw, h.desil, h.desil_period, h.kks_card,
                       h.version, to_char(h.created_at at time zone 'UTC', %s), to_char(h.updated_at at time zone 'UTC', %s)
                from household h left join region r on r.code = h.village_code
                where %s
                order by %s limit %d offset %d""".formatted(TS, TS, where, order, size, (long) (page - 1) * size)), params)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ObjectNode>> members = new LinkedHashMap<>();
        Map<UUID, ObjectNode> heads = new LinkedHashMap<>();
        List<Object[]> memberRows = em.createNativeQuery("select " + PERSON_COLUMNS + ", m.household_id"
                + " from membership m join person p on p.nik = m.nik where m.household_id in (?1) and m.valid_to is null"
                + " order by m.household_id, m.id")
                .setParameter(1, rows.stream().map(r -> (UUID) r[0]).toList()).getResultList();
        for (var r : memberRows) {
            var member = DciRecords.member(json, r, null);
            UUID household = (UUID) r[15];
            members.computeIfAbsent(household, k -> new ArrayList<>()).add(member);
            if ("KEPALA_KELUARGA".equals(r[14])) {
                heads.put(household, member);
            }
        }
        return rows.stream().map(r -> DciRecords.group(json, r, members.getOrDefault((UUID) r[0], List.of()),
                heads.get((UUID) r[0]))).toList();
    }

    /**
     * One household as the search maps it, whatever its status (a dissolved household is still told of),
     * or null when there is no such household.
     */
    @Transactional
    public ObjectNode group(UUID householdId) {
        var records = groups("h.id = ?1", "h.id", List.of(householdId), 1, 1);
        return records.isEmpty() ? null : records.getFirst();
    }

    @SuppressWarnings("unchecked")
    private List<ObjectNode> members(String where, String order, List<Object> params, int size, int page) {
        List<Object[]> rows = bind(em.createNativeQuery("""
                select %s, h.id, h.no_kk, h.village_code, r.name, h.desil, h.desil_period, h.kks_card, %s
                from person p join membership m on m.nik = p.nik and m.valid_to is null
                join household h on h.id = m.household_id
                left join region r on r.code = h.village_code
                where h.status = 'ACTIVE' and %s
                order by %s limit %d offset %d""".formatted(PERSON_COLUMNS, GROUP_SIZE, where, order, size,
                (long) (page - 1) * size)), params).getResultList();
        return rows.stream().map(r -> DciRecords.member(json, r, java.util.Arrays.copyOfRange(r, 15, r.length))).toList();
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    private static String describe(SearchCriteria.Entity entity, String queryType, JsonNode query) {
        String what = entity.name().toLowerCase(Locale.ROOT) + " " + queryType;
        if ("idtype-value".equals(queryType)) {
            return what + " " + query.path("type").asText() + "=" + Masking.nik(query.path("value").asText());
        }
        return what + " " + query.toString();
    }
}
