package id.lumbung.registry.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Streams an NDJSON extract (one household with its members per line, the shape of
 * {@code POST /api/v1/households}) into the two staging tables at once, over two connections.
 * A line that is not JSON of that shape is staged as a malformed row; fields not listed here are ignored.
 */
final class NdjsonStager {

    /** NDJSON field → staging column; socio-economic fields sit under {@code socioEconomic}. */
    private static final List<String[]> HOUSEHOLD_FIELDS = List.of(
            new String[] { "noKk" }, new String[] { "villageCode" }, new String[] { "address" },
            new String[] { "rt" }, new String[] { "rw" },
            new String[] { "socioEconomic", "housingTenure" }, new String[] { "socioEconomic", "floorAreaM2" },
            new String[] { "socioEconomic", "floorType" }, new String[] { "socioEconomic", "wallType" },
            new String[] { "socioEconomic", "roofType" }, new String[] { "socioEconomic", "waterSource" },
            new String[] { "socioEconomic", "toilet" }, new String[] { "socioEconomic", "electricityVa" },
            new String[] { "socioEconomic", "landAreaM2" }, new String[] { "socioEconomic", "assets" },
            new String[] { "socioEconomic", "livestock" }, new String[] { "socioEconomic", "monthlyIncome" },
            new String[] { "socioEconomic", "kksCard" }, new String[] { "desil" }, new String[] { "desilPeriod" });
    private static final List<String> MEMBER_FIELDS = List.of("nik", "fullName", "sex", "birthDate", "birthPlace",
            "relationship", "maritalStatus", "education", "occupation", "disability", "employment", "lifeStatus",
            "deathDate");

    private NdjsonStager() {
    }

    /** A value of the wrong JSON shape (an object where text belongs, members not a list...). */
    private static final class Shape extends Exception {
        Shape(String message) {
            super(message, null, false, false);
        }
    }

    static long stage(InputStream body, ObjectMapper json, Connection households, Connection persons,
            StagingTables tables, LongConsumer progress) throws IOException, SQLException {
        var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
        String householdColumns = "line_no, parse_error, " + String.join(", ", StagingTables.HOUSEHOLD_COLUMNS);
        String personColumns = "line_no, member_index, parse_error, " + String.join(", ", StagingTables.PERSON_COLUMNS);
        String emptyHousehold = ",".repeat(StagingTables.HOUSEHOLD_COLUMNS.size());
        long lineNo = 0;
        long rows = 0;
        try (var hh = new CopyWriter(households, tables.households(), householdColumns);
                var pp = new CopyWriter(persons, tables.persons(), personColumns)) {
            String line;
            var values = new ArrayList<String>(HOUSEHOLD_FIELDS.size());
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                String line0 = Long.toString(lineNo);
                try {
                    JsonNode household = json.readTree(lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line);
                    if (household == null || !household.isObject()) {
                        throw new Shape("a line must be one JSON object: a household with its members");
                    }
                    values.clear();
                    for (String[] path : HOUSEHOLD_FIELDS) {
                        JsonNode node = path.length == 1 ? household.get(path[0]) : household.path(path[0]).get(path[1]);
                        values.add(text(node, path[path.length - 1]));
                    }
                    JsonNode members = household.get("members");
                    if (members != null && !members.isNull() && !members.isArray()) {
                        throw new Shape("'members' must be a list");
                    }
                    String noKk = values.get(0);
                    var memberRows = new ArrayList<String[]>();
                    if (members != null) {
                        for (JsonNode member : members) {
                            if (!member.isObject()) {
                                throw new Shape("each member must be a JSON object");
                            }
                            var row = new String[MEMBER_FIELDS.size()];
                            for (int i = 0; i < row.length; i++) {
                                row[i] = text(member.get(MEMBER_FIELDS.get(i)), MEMBER_FIELDS.get(i));
                            }
                            memberRows.add(row);
                        }
                    }
                    hh.raw(line0).field(null);
                    for (String v : values) {
                        hh.field(v);
                    }
                    hh.end();
                    for (int m = 0; m < memberRows.size(); m++) {
                        pp.raw(line0).raw(",").raw(Integer.toString(m)).field(null).field(noKk);
                        for (String v : memberRows.get(m)) {
                            pp.field(v);
                        }
                        pp.end();
                    }
                } catch (JsonProcessingException e) {
                    hh.raw(line0).field("not valid JSON: " + e.getOriginalMessage()).raw(emptyHousehold).end();
                } catch (Shape e) {
                    hh.raw(line0).field(e.getMessage()).raw(emptyHousehold).end();
                }
                if (rows % 50_000 == 0) {
                    progress.accept(rows);
                }
            }
            hh.finish();
            pp.finish();
        }
        progress.accept(rows);
        return rows;
    }

    /** A JSON value as staged text: lists joined by ';', livestock as KAMBING=2;SAPI=1. */
    private static String text(JsonNode node, String field) throws Shape {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray() && (field.equals("assets") || field.equals("employment"))) {
            var parts = new ArrayList<String>();
            for (JsonNode e : node) {
                if (!e.isValueNode()) {
                    throw new Shape("'" + field + "' must be a list of values");
                }
                parts.add(e.asText());
            }
            return String.join(";", parts);
        }
        if (node.isObject() && field.equals("livestock")) {
            var parts = new ArrayList<String>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                parts.add(e.getKey() + "=" + e.getValue().asText());
            }
            return String.join(";", parts);
        }
        throw new Shape("'" + field + "' must be a single value");
    }
}
