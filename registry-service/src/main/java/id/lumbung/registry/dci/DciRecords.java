package id.lumbung.registry.dci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Registry rows as DCI Social Registry records: a household (KK) is a {@code Group}, a person (NIK) is a
 * {@code Member} whose {@code demographic_info} is the DCI Person. What the DCI objects have no field for
 * goes into their extension point {@code additional_attributes}, as {@code {attribute_name, attribute_value}}
 * pairs (names listed in the README).
 */
final class DciRecords {

    private DciRecords() {
    }

    /**
     * @param r         person columns (see {@code DciSearch.PERSON_COLUMNS})
     * @param household for a member searched on its own: id, no_kk, village_code, village name, desil,
     *                  desil_period, kks_card, group size; null inside a Group record
     */
    static ObjectNode member(ObjectMapper json, Object[] r, Object[] household) {
        var member = json.createObjectNode();
        member.put("@type", "Member");
        identifiers(member.putArray("member_identifier"), "NIK", (String) r[0]);
        var person = member.putObject("demographic_info");
        person.put("@type", "SRPerson");
        identifiers(person.putArray("identifier"), "NIK", (String) r[0]);
        var name = person.putObject("name");
        name.put("@type", "Name");
        // Indonesian names are often one word and have no family name: the whole name, unsplit
        name.put("given_name", (String) r[1]);
        person.put("sex", "FEMALE".equals(r[2]) ? "female" : "male");
        person.put("birth_date", (String) r[3]);
        if (r[11] != null) {
            person.put("death_date", (String) r[11]);
        }
        person.put("registration_date", (String) r[12]);
        member.put("relationship_head", relationship((String) r[14]));
        member.put("is_disabled", r[8] != null);
        if (r[5] != null) {
            member.put("marital_status", marital((String) r[5]));
        }
        if (r[6] != null) {
            member.put("education_level", (String) r[6]);
        }
        if (r[7] != null) {
            member.put("occupation", (String) r[7]);
        }
        member.put("registration_date", (String) r[12]);
        member.put("last_updated", (String) r[13]);
        var extra = member.putArray("additional_attributes");
        attribute(extra, "hubungan_keluarga", r[14]);
        attribute(extra, "life_status", r[10]);
        attribute(extra, "birth_place", r[4]);
        attribute(extra, "disability", r[8]);
        attribute(extra, "marital_status_code", r[5]);
        var employment = extra.addObject();
        employment.put("attribute_name", "employment");
        var facts = employment.putArray("attribute_value");
        if (r[9] != null && !((String) r[9]).isEmpty()) {
            for (String f : ((String) r[9]).split(",")) {
                facts.add(f);
            }
        }
        if (household != null) {
            attribute(extra, "household_id", household[0].toString());
            attribute(extra, "no_kk", household[1]);
            attribute(extra, "village_code", household[2]);
            attribute(extra, "village_name", household[3]);
            attribute(extra, "desil", household[4] == null ? null : ((Number) household[4]).intValue());
            attribute(extra, "desil_period", household[5]);
            attribute(extra, "kks_card", household[6]);
            attribute(extra, "group_size", ((Number) household[7]).intValue());
        }
        return member;
    }

    /** @param r household columns: id, no_kk, village_code, village name, address, rt, rw, desil, desil_period, kks_card, version, created, updated */
    /** An erased household as a delete notification names it: by its household id only, nothing else is left. */
    static ObjectNode erasedGroup(ObjectMapper json, UUID householdId) {
        var group = json.createObjectNode();
        group.put("@type", "Group");
        identifiers(group.putArray("group_identifier"), "HOUSEHOLD_ID", householdId.toString());
        group.put("group_type", "family");
        return group;
    }

    static ObjectNode group(ObjectMapper json, Object[] r, List<ObjectNode> members, ObjectNode head) {
        var group = json.createObjectNode();
        group.put("@type", "Group");
        var ids = group.putArray("group_identifier");
        identifiers(ids, "KK", (String) r[1]);
        identifiers(ids, "HOUSEHOLD_ID", ((UUID) r[0]).toString());
        group.put("group_type", "family");
        var place = group.putObject("place");
        place.put("@type", "Place");
        place.put("address", address(r));
        if (r[7] != null) {
            group.put("poverty_score", ((Number) r[7]).intValue());
            group.put("poverty_score_type", "desil");
        }
        group.put("group_size", members.size());
        if (head != null) {
            group.set("group_head_info", head);
        }
        group.putArray("member_list").addAll(members);
        group.put("registration_date", (String) r[11]);
        group.put("last_updated", (String) r[12]);
        var extra = group.putArray("additional_attributes");
        attribute(extra, "village_code", r[2]);
        attribute(extra, "village_name", r[3]);
        attribute(extra, "rt", r[5]);
        attribute(extra, "rw", r[6]);
        attribute(extra, "desil_period", r[8]);
        attribute(extra, "kks_card", r[9]);
        attribute(extra, "version", ((Number) r[10]).longValue());
        return group;
    }

    private static String address(Object[] r) {
        var out = new StringBuilder((String) r[4]);
        if (r[5] != null || r[6] != null) {
            out.append(", RT ").append(r[5] == null ? "-" : r[5]).append("/RW ").append(r[6] == null ? "-" : r[6]);
        }
        if (r[3] != null) {
            out.append(", ").append(r[3]);
        }
        return out.append(" (").append(r[2]).append(")").toString();
    }

    private static void identifiers(ArrayNode into, String type, String value) {
        var id = into.addObject();
        id.put("@type", "Identifier");
        id.put("identifier_type", type);
        id.put("identifier_value", value);
    }

    private static void attribute(ArrayNode into, String name, Object value) {
        if (value == null) {
            return;
        }
        var a = into.addObject();
        a.put("attribute_name", name);
        switch (value) {
            case Boolean b -> a.put("attribute_value", b);
            case Integer i -> a.put("attribute_value", i);
            case Long l -> a.put("attribute_value", l);
            default -> a.put("attribute_value", value.toString());
        }
    }

    /** Kartu Keluarga relationship to the DCI relationship-type code (cd.com.07). */
    static String relationship(String hubungan) {
        return switch (hubungan == null ? "" : hubungan) {
            case "KEPALA_KELUARGA" -> "head";
            case "SUAMI", "ISTRI" -> "spouse";
            case "ANAK" -> "child";
            case "MENANTU" -> "child_in_law";
            case "CUCU" -> "grandchild";
            case "ORANG_TUA" -> "parent";
            case "MERTUA" -> "parent_in_law";
            case "FAMILI_LAIN" -> "other_relative";
            default -> "other";
        };
    }

    private static String marital(String status) {
        String s = status.toUpperCase(Locale.ROOT);
        if (s.startsWith("BELUM")) {
            return "single";
        }
        if (s.contains("CERAI_MATI") || s.contains("CERAI MATI")) {
            return "widowed";
        }
        if (s.startsWith("CERAI")) {
            return "divorced";
        }
        if (s.startsWith("KAWIN")) {
            return "married";
        }
        return "other";
    }
}
