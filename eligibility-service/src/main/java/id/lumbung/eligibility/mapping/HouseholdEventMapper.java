package id.lumbung.eligibility.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.HouseholdStatus;
import id.lumbung.eligibility.domain.LifeStatus;
import id.lumbung.eligibility.domain.Member;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.UUID;

/**
 * The data of a {@code registry.households.v1} event (or a stored projection) to the domain household.
 * Anything malformed is refused with a message that names the field, never the person.
 */
public final class HouseholdEventMapper {

    private HouseholdEventMapper() {
    }

    /** @throws IllegalArgumentException when the data does not follow the registry's contract */
    public static Household household(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("event data is not a JSON object");
        }
        var id = uuid(text(data, "householdId", true));
        var noKk = text(data, "noKk", true);
        require(noKk.matches("\\d{16}"), "noKk must be 16 digits");
        var village = text(data, "villageCode", true);
        require(village.matches("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}"), "villageCode must be a village code like 33.20.01.2001");
        Integer desil = null;
        if (data.hasNonNull("desil")) {
            require(data.get("desil").canConvertToInt() && data.get("desil").isIntegralNumber(), "desil must be a whole number");
            desil = data.get("desil").intValue();
            require(desil >= 1 && desil <= 10, "desil must be between 1 and 10");
        }
        var desilPeriod = text(data, "desilPeriod", false);
        require(desilPeriod == null || desilPeriod.matches("\\d{4}-Q[1-4]"), "desilPeriod must look like 2025-Q4");
        var status = enumValue(HouseholdStatus.class, text(data, "status", true), "status");
        require(data.hasNonNull("version") && data.get("version").isIntegralNumber(), "version must be a whole number");
        long version = data.get("version").longValue();
        boolean kksCard = data.path("kksCard").asBoolean(false);
        Long income = null;
        if (data.hasNonNull("monthlyIncome")) {
            require(data.get("monthlyIncome").isIntegralNumber() && data.get("monthlyIncome").longValue() >= 0,
                    "monthlyIncome must be a non-negative whole rupiah amount");
            income = data.get("monthlyIncome").longValue();
        }
        var membersNode = data.get("members");
        require(membersNode != null && membersNode.isArray(), "members must be a list");
        var members = new ArrayList<Member>();
        for (int i = 0; i < membersNode.size(); i++) {
            members.add(member(membersNode.get(i), "members[" + i + "]"));
        }
        return new Household(id, noKk, village, desil, desilPeriod, status, version, kksCard, income, members);
    }

    private static Member member(JsonNode m, String at) {
        require(m != null && m.isObject(), at + " must be an object");
        var nik = text(m, "nik", true);
        require(nik.matches("\\d{16}"), at + ".nik must be 16 digits");
        var fullName = text(m, "fullName", true);
        var employment = new LinkedHashSet<String>();
        var facts = m.get("employment");
        if (facts != null && !facts.isNull()) {
            require(facts.isArray(), at + ".employment must be a list");
            facts.forEach(f -> employment.add(f.asText()));
        }
        var lifeStatus = enumValue(LifeStatus.class, text(m, "lifeStatus", true), at + ".lifeStatus");
        return new Member(nik, fullName, text(m, "sex", false), date(m, "birthDate", at), text(m, "relationship", false),
                text(m, "disability", false), employment, lifeStatus, date(m, "deathDate", at));
    }

    private static String text(JsonNode node, String field, boolean required) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            require(!required, field + " is missing");
            return null;
        }
        require(value.isTextual() && !value.asText().isBlank(), field + " must be a non-empty string");
        return value.asText().strip();
    }

    private static LocalDate date(JsonNode node, String field, String at) {
        var text = text(node, field, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + "." + field + " must be a date like 1985-07-01");
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("householdId must be a UUID");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
