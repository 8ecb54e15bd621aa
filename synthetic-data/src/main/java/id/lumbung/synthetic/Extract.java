package id.lumbung.synthetic;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes families to an extract, streaming, and says on which lines they landed (the header is line 1). */
abstract sealed class Extract implements Closeable {

    static final String HOUSEHOLD_HEADER = "no_kk,village_code,address,rt,rw,housing_tenure,floor_area_m2,floor_type,"
            + "wall_type,roof_type,water_source,toilet,electricity_va,land_area_m2,assets,livestock,monthly_income,kks_card,"
            + "desil,desil_period";
    static final String PERSON_HEADER = "no_kk,nik,full_name,sex,birth_date,relationship,birth_place,marital_status,"
            + "education,occupation,disability,employment,life_status,death_date";

    protected final StringBuilder b = new StringBuilder(4096);

    /** Writes a family and returns the line of its household row. */
    abstract long write(Household h) throws IOException;

    /** The line of the first member row of the family last written. */
    abstract long firstMemberLine();

    static BufferedWriter open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** The CSV pair: households.csv and persons.csv linked by no_kk (RFC 4180 quoting where needed). */
    static final class Csv extends Extract {

        private final BufferedWriter households;
        private final BufferedWriter persons;
        private long householdLine = 1;
        private long personLine = 1;
        private long firstMember;

        Csv(Path householdsFile, Path personsFile) throws IOException {
            households = open(householdsFile);
            persons = open(personsFile);
            households.write(HOUSEHOLD_HEADER);
            households.write('\n');
            persons.write(PERSON_HEADER);
            persons.write('\n');
        }

        @Override
        long write(Household h) throws IOException {
            b.setLength(0);
            b.append(h.noKk).append(',').append(h.villageCode).append(',');
            if (h.malformed) {
                b.append(h.address);
            } else {
                cell(h.address);
            }
            b.append(',').append(h.rt).append(',').append(h.rw).append(',');
            cell(h.housingTenure).append(',').append(Household.tenths(h.floorTenths)).append(',');
            cell(h.floorType).append(',');
            cell(h.wallType).append(',');
            cell(h.roofType).append(',');
            cell(h.waterSource).append(',');
            cell(h.toilet).append(',').append(h.electricityVa).append(',');
            if (h.landTenths >= 0) {
                b.append(Household.tenths(h.landTenths));
            }
            b.append(',');
            cell(h.assetsCell()).append(',');
            cell(h.livestockCell()).append(',');
            cell(h.incomeCell()).append(',');
            cell(h.kksCell()).append(',');
            if (h.desil > 0) {
                b.append(h.desil);
            }
            b.append(',');
            if (h.desilPeriod != null) {
                b.append(h.desilPeriod);
            }
            b.append('\n');
            households.append(b);
            long line = ++householdLine;
            firstMember = personLine + 1;
            if (h.withoutMembers) {
                return line;
            }
            b.setLength(0);
            for (Member m : h.members) {
                b.append(m.noKkText != null ? m.noKkText : h.noKk).append(',');
                cell(m.nik).append(',');
                if (m.malformed) {
                    b.append(m.fullName);
                } else {
                    cell(m.fullName);
                }
                b.append(',');
                cell(m.sex()).append(',');
                cell(m.birth()).append(',');
                cell(m.relationship).append(',');
                cell(m.birthPlace).append(',');
                cell(m.maritalStatus).append(',');
                cell(m.education).append(',');
                cell(m.occupation).append(',');
                cell(m.disability).append(',');
                cell(m.employmentCell()).append(',');
                cell(m.life()).append(',');
                if (m.deathDate != null) {
                    b.append(m.deathDate);
                }
                b.append('\n');
                personLine++;
            }
            persons.append(b);
            return line;
        }

        @Override
        long firstMemberLine() {
            return firstMember;
        }

        private StringBuilder cell(String value) {
            if (value == null || value.isEmpty()) {
                return b;
            }
            boolean quote = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                    quote = true;
                    break;
                }
            }
            if (!quote) {
                return b.append(value);
            }
            return b.append('"').append(value.replace("\"", "\"\"")).append('"');
        }

        @Override
        public void close() throws IOException {
            try (households; persons) {
                households.flush();
                persons.flush();
            }
        }
    }

    /** One household per line with its members inside, in the shape of {@code POST /api/v1/households}. */
    static final class Ndjson extends Extract {

        private final BufferedWriter out;
        private long line;

        Ndjson(Path file) throws IOException {
            out = open(file);
        }

        @Override
        long write(Household h) throws IOException {
            b.setLength(0);
            b.append("{\"noKk\":");
            Json.string(b, h.noKk).append(",\"villageCode\":");
            Json.string(b, h.villageCode).append(",\"address\":");
            Json.string(b, h.address).append(",\"rt\":");
            Json.string(b, h.rt).append(",\"rw\":");
            Json.string(b, h.rw).append(",\"socioEconomic\":{\"housingTenure\":");
            Json.string(b, h.housingTenure).append(",\"floorAreaM2\":").append(Household.tenths(h.floorTenths))
                    .append(",\"floorType\":");
            Json.string(b, h.floorType).append(",\"wallType\":");
            Json.string(b, h.wallType).append(",\"roofType\":");
            Json.string(b, h.roofType).append(",\"waterSource\":");
            Json.string(b, h.waterSource).append(",\"toilet\":");
            Json.string(b, h.toilet).append(",\"electricityVa\":").append(h.electricityVa).append(",\"landAreaM2\":")
                    .append(h.landTenths >= 0 ? Household.tenths(h.landTenths) : "null").append(",\"assets\":");
            list(h.assetsCell()).append(",\"livestock\":");
            if (h.livestockText != null) {
                Json.string(b, h.livestockText);
            } else {
                b.append('{');
                boolean first = true;
                for (int i = 0; i < Household.LIVESTOCK.length; i++) {
                    if (h.livestock[i] > 0) {
                        b.append(first ? "" : ",");
                        Json.string(b, Household.LIVESTOCK[i]).append(':').append(h.livestock[i]);
                        first = false;
                    }
                }
                b.append('}');
            }
            b.append(",\"monthlyIncome\":");
            if (h.incomeText != null) {
                Json.string(b, h.incomeText);
            } else {
                b.append(h.monthlyIncome);
            }
            b.append(",\"kksCard\":");
            if (h.kksText != null) {
                Json.string(b, h.kksText);
            } else {
                b.append(h.kksCard);
            }
            b.append("},\"desil\":").append(h.desil > 0 ? Integer.toString(h.desil) : "null").append(",\"desilPeriod\":");
            Json.string(b, h.desilPeriod).append(",\"members\":[");
            if (!h.withoutMembers) {
                for (int i = 0; i < h.members.size(); i++) {
                    var m = h.members.get(i);
                    b.append(i == 0 ? "{\"nik\":" : ",{\"nik\":");
                    Json.string(b, m.nik).append(",\"fullName\":");
                    Json.string(b, m.fullName).append(",\"sex\":");
                    Json.string(b, m.sex()).append(",\"birthDate\":");
                    Json.string(b, m.birth()).append(",\"birthPlace\":");
                    Json.string(b, m.birthPlace).append(",\"relationship\":");
                    Json.string(b, m.relationship).append(",\"maritalStatus\":");
                    Json.string(b, m.maritalStatus).append(",\"education\":");
                    Json.string(b, m.education).append(",\"occupation\":");
                    Json.string(b, m.occupation).append(",\"disability\":");
                    Json.string(b, m.disability).append(",\"employment\":");
                    list(m.employmentCell()).append(",\"lifeStatus\":");
                    Json.string(b, m.life()).append(",\"deathDate\":");
                    Json.string(b, m.deathDate == null ? null : m.deathDate.toString()).append('}');
                }
            }
            b.append("]}");
            if (h.malformed) {
                // a line cut off in transfer: not JSON
                b.setLength(b.length() / 2);
            }
            b.append('\n');
            out.append(b);
            return ++line;
        }

        @Override
        long firstMemberLine() {
            return line;
        }

        private StringBuilder list(String cell) {
            b.append('[');
            if (!cell.isEmpty()) {
                int start = 0;
                while (true) {
                    int semi = cell.indexOf(';', start);
                    Json.string(b, semi < 0 ? cell.substring(start) : cell.substring(start, semi));
                    if (semi < 0) {
                        break;
                    }
                    b.append(',');
                    start = semi + 1;
                }
            }
            return b.append(']');
        }

        @Override
        public void close() throws IOException {
            try (out) {
                out.flush();
            }
        }
    }
}
