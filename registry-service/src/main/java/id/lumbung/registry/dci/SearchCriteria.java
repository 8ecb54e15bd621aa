package id.lumbung.registry.dci;

import com.fasterxml.jackson.databind.JsonNode;
import id.lumbung.platform.id.InvalidIdentifierException;
import id.lumbung.platform.id.RegionCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

/**
 * Turns a DCI {@code search_criteria} into a SQL condition over {@code household h} (and, for member
 * searches, {@code person p}), with its parameters. Every value is a bind parameter; attribute names and
 * operators come from a closed list.
 *
 * <p>Queryable attributes: {@code age} (whole years on the service's today), {@code sex} (male/female),
 * {@code poverty_score} or {@code desil} (1 poorest … 10), {@code region} (also {@code location},
 * {@code village_code}: a Kemendagri code prefix, {@code eq} = within), {@code group_size} (current members).
 * In a Group search, {@code age} and {@code sex} mean "some current member".
 */
final class SearchCriteria {

    enum Entity { GROUP, MEMBER }

    /** A criteria the registry cannot run, with the spec's {@code SearchStatusReasonCode}. */
    static final class Rejected extends RuntimeException {
        final String reasonCode;

        Rejected(String reasonCode, String message) {
            super(message);
            this.reasonCode = reasonCode;
        }
    }

    static final String CRITERIA = "rjct.search_criteria.invalid";

    final List<Object> params = new ArrayList<>();
    private final Entity entity;
    private final LocalDate today;
    private final DciScope scope;

    SearchCriteria(Entity entity, LocalDate today, DciScope scope) {
        this.entity = entity;
        this.today = today;
        this.scope = scope;
    }

    String param(Object value) {
        params.add(value);
        return "?" + params.size();
    }

    /** The condition for a whole {@code search_criteria}. */
    String where(String queryType, JsonNode query) {
        return switch (queryType) {
            case "idtype-value" -> idTypeValue(query);
            case "expression" -> expression(query.path("value").path("expression").path("query").isMissingNode()
                    ? query.path("value").path("query") : query.path("value").path("expression").path("query"));
            case "predicate" -> predicate(query);
            default -> throw new Rejected(CRITERIA, "query_type " + queryType + " is not supported");
        };
    }

    /** Which record kind an idtype or expression query asks for when {@code response_entity} is absent. */
    static Entity defaultEntity(String queryType, JsonNode query) {
        if ("idtype-value".equals(queryType)) {
            return idType(query).equals("NIK") ? Entity.MEMBER : Entity.GROUP;
        }
        if ("expression".equals(queryType)) {
            String collection = query.path("value").path("expression").path("collection").asText("Group");
            return collection.equalsIgnoreCase("Member") || collection.equalsIgnoreCase("Person") ? Entity.MEMBER : Entity.GROUP;
        }
        return Entity.GROUP;
    }

    private static String idType(JsonNode query) {
        return switch (query.path("type").asText("").toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "NIK", "NATIONALID", "NATIONAL_ID", "UIN" -> "NIK";
            case "KK", "NO_KK", "NOKK", "FAMILY_CARD" -> "KK";
            case "HOUSEHOLD_ID" -> "HOUSEHOLD_ID";
            default -> "";
        };
    }

    private String idTypeValue(JsonNode query) {
        String value = query.path("value").isValueNode() ? query.path("value").asText().strip() : "";
        String type = idType(query);
        if (value.isEmpty()) {
            throw new Rejected(CRITERIA, "an idtype-value query needs a value");
        }
        if (value.length() > 64 || value.indexOf('\u0000') >= 0) {
            throw new Rejected(CRITERIA, "an identifier is at most 64 characters, without NUL");
        }
        return switch (type) {
            case "NIK" -> entity == Entity.MEMBER ? "p.nik = " + param(value)
                    : "exists (select 1 from membership im where im.household_id = h.id and im.valid_to is null and im.nik = "
                            + param(value) + ")";
            case "KK" -> "h.no_kk = " + param(value);
            case "HOUSEHOLD_ID" -> {
                try {
                    yield "h.id = " + param(java.util.UUID.fromString(value));
                } catch (IllegalArgumentException e) {
                    throw new Rejected(CRITERIA, "HOUSEHOLD_ID is a UUID");
                }
            }
            default -> throw new Rejected(CRITERIA, "identifier type " + query.path("type").asText()
                    + " is not known here; use NIK, KK or HOUSEHOLD_ID");
        };
    }

    private String predicate(JsonNode items) {
        if (!items.isArray() || items.isEmpty()) {
            throw new Rejected(CRITERIA, "a predicate query is a non-empty list");
        }
        // items hold together with "and", in seq_num order; inside one: expression1 <condition> expression2
        var sorted = StreamSupport.stream(items.spliterator(), false)
                .sorted(Comparator.comparingDouble(i -> i.path("seq_num").asDouble(0))).toList();
        var parts = new ArrayList<String>();
        for (var item : sorted) {
            String first = condition(item.path("expression1"));
            if (item.path("expression2").isMissingNode() || item.path("expression2").isNull()) {
                parts.add(first);
                continue;
            }
            String second = condition(item.path("expression2"));
            parts.add(switch (item.path("condition").asText("and")) {
                case "and" -> "(" + first + " and " + second + ")";
                case "or" -> "(" + first + " or " + second + ")";
                case "not" -> "(" + first + " and not " + second + ")";
                default -> throw new Rejected(CRITERIA, "condition is and, or or not");
            });
        }
        return String.join(" and ", parts);
    }

    private String condition(JsonNode e) {
        return attribute(e.path("attribute_name").asText(""), e.path("operator").asText(""), e.path("attribute_value"));
    }

    private String expression(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            throw new Rejected(CRITERIA, "an expression query needs value.expression.query, e.g. {\"$and\": [...]}");
        }
        var parts = new ArrayList<String>();
        for (var field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "$and", "$or" -> {
                    if (!value.isArray() || value.isEmpty()) {
                        throw new Rejected(CRITERIA, key + " takes a non-empty list");
                    }
                    var inner = StreamSupport.stream(value.spliterator(), false).map(this::expression).toList();
                    parts.add("(" + String.join(key.equals("$and") ? " and " : " or ", inner) + ")");
                }
                case "$not" -> parts.add("not (" + expression(value) + ")");
                default -> {
                    if (value.isObject()) {
                        for (var op : value.properties()) {
                            parts.add(attribute(key, op.getKey(), op.getValue()));
                        }
                    } else {
                        parts.add(attribute(key, "eq", value));
                    }
                }
            }
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" and ", parts) + ")";
    }

    private String attribute(String name, String operator, JsonNode value) {
        String op = switch (operator.toLowerCase(Locale.ROOT).replace("$", "")) {
            case "eq" -> "=";
            case "gt" -> ">";
            case "lt" -> "<";
            case "ge", "gte" -> ">=";
            case "le", "lte" -> "<=";
            case "in" -> "in";
            default -> throw new Rejected(CRITERIA, "operator " + operator + " is not one of eq, gt, lt, ge, le, in");
        };
        if (op.equals("in")) {
            if (!value.isArray() || value.isEmpty()) {
                throw new Rejected(CRITERIA, name + " in … takes a non-empty list");
            }
            var ors = StreamSupport.stream(value.spliterator(), false).map(v -> attribute(name, "eq", v)).toList();
            return "(" + String.join(" or ", ors) + ")";
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "age" -> person(age(op, whole(name, value)));
            case "sex", "gender" -> {
                requireEquality(name, op);
                yield person("%s.sex = " + param(sex(value)));
            }
            case "poverty_score", "desil" -> "h.desil " + op + " " + param((short) whole(name, value));
            case "group_size", "household_size" -> "(select count(*) from membership gm where gm.household_id = h.id"
                    + " and gm.valid_to is null) " + op + " " + param((long) whole(name, value));
            case "region", "location", "village_code", "area_code" -> {
                requireEquality(name, op);
                var region = region(value);
                yield "h.village_code like " + param(region.value() + "%");
            }
            default -> throw new Rejected(CRITERIA, "attribute " + name
                    + " is not searchable; use age, sex, poverty_score (desil), region or group_size");
        };
    }

    /** A condition on a person: the person searched for, or in a group search some current member. */
    private String person(String conditionWithAlias) {
        if (entity == Entity.MEMBER) {
            return conditionWithAlias.formatted("p", "p", "p");
        }
        return "exists (select 1 from membership xm join person xp on xp.nik = xm.nik where xm.household_id = h.id"
                + " and xm.valid_to is null and " + conditionWithAlias.formatted("xp", "xp", "xp") + ")";
    }

    /** Whole years of age as a birth-date range, so the birth_date column is compared, not computed. */
    private String age(String op, int years) {
        LocalDate atLeast = today.minusYears(years);           // born on or before: at least `years` old
        LocalDate beyond = today.minusYears(years + 1L);       // born on or before: older than `years`
        return switch (op) {
            case ">=" -> "%s.birth_date <= " + param(atLeast);
            case "<" -> "%s.birth_date > " + param(atLeast);
            case ">" -> "%s.birth_date <= " + param(beyond);
            case "<=" -> "%s.birth_date > " + param(beyond);
            default -> "(%s.birth_date <= " + param(atLeast) + " and %s.birth_date > " + param(beyond) + ")";
        };
    }

    private RegionCode region(JsonNode value) {
        String raw = value.asText("").strip();
        RegionCode region;
        try {
            region = RegionCode.of(raw);
        } catch (InvalidIdentifierException e) {
            throw new Rejected(CRITERIA, "region " + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw)
                    + " is not a Kemendagri region code like 33.20 or 33.20.06.1001");
        }
        var problem = RegionCode.problemWith(region.value());
        if (problem.isPresent()) {
            throw new Rejected(CRITERIA, "region " + raw + ": " + problem.get());
        }
        if (!scope.overlaps(region)) {
            throw new Rejected(CRITERIA, "region " + region + " is outside your region scope " + scope.regions());
        }
        return region;
    }

    private static String sex(JsonNode value) {
        return switch (value.asText("").strip().toLowerCase(Locale.ROOT)) {
            case "male", "m", "laki-laki", "1" -> "MALE";
            case "female", "f", "perempuan", "2" -> "FEMALE";
            default -> throw new Rejected(CRITERIA, "sex is male or female");
        };
    }

    private static int whole(String name, JsonNode value) {
        try {
            if (value.isIntegralNumber()) {
                return value.intValue();
            }
            if (value.isTextual()) {
                return Integer.parseInt(value.asText().strip());
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Rejected(CRITERIA, name + " takes a whole number");
    }

    private static void requireEquality(String name, String op) {
        if (!op.equals("=")) {
            throw new Rejected(CRITERIA, name + " takes eq or in");
        }
    }
}
