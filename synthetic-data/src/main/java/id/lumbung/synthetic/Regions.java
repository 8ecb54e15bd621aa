package id.lumbung.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kemendagri region list the registry ships ({@code wilayah.csv}: {@code kode,nama}): every district
 * for NIK origins, and the villages (desa/kelurahan) within an optional prefix where families live.
 * Lists are sorted by code, so what is drawn from them depends on the seed only.
 */
final class Regions {

    /** Where the platform library keeps the list, relative to the project root, and on its classpath. */
    static final String PROJECT_PATH = "platform/src/main/resources/wilayah/wilayah.csv";
    static final String CLASSPATH = "wilayah/wilayah.csv";

    /** A village: {@code PP.KK.CC.DDDD}; first D 1 = kelurahan (urban), 2 = desa, 3 = desa adat. */
    record Village(String code, String name, int district) {

        boolean kelurahan() {
            return code.charAt(9) == '1';
        }

        int province() {
            return (code.charAt(0) - '0') * 10 + (code.charAt(1) - '0');
        }
    }

    private final List<String> districts;
    private final Map<String, Integer> districtIndex;
    private final Map<String, List<Integer>> districtsOfRegency;
    private final Map<String, List<Integer>> districtsOfProvince;
    private final Map<String, String> regencyNames;
    private final Set<String> codes;
    private final List<Village> villages;
    private final Map<Integer, int[]> villageRangeOfDistrict;

    private Regions(List<String[]> rows, String prefix) {
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        var districts = new ArrayList<String>();
        var index = new HashMap<String, Integer>();
        var ofRegency = new HashMap<String, List<Integer>>();
        var ofProvince = new HashMap<String, List<Integer>>();
        var regencyNames = new HashMap<String, String>();
        var codes = new HashSet<String>();
        for (String[] row : rows) {
            String code = row[0];
            codes.add(code);
            if (code.length() == 5) {
                regencyNames.put(code, birthPlace(row[1]));
            } else if (code.length() == 8) {
                index.put(code, districts.size());
                ofRegency.computeIfAbsent(code.substring(0, 5), k -> new ArrayList<>()).add(districts.size());
                ofProvince.computeIfAbsent(code.substring(0, 2), k -> new ArrayList<>()).add(districts.size());
                districts.add(code);
            }
        }
        var villages = new ArrayList<Village>();
        var ranges = new HashMap<Integer, int[]>();
        for (String[] row : rows) {
            String code = row[0];
            if (code.length() == 13 && (prefix == null || code.startsWith(prefix))) {
                Integer district = index.get(code.substring(0, 8));
                if (district == null) {
                    continue;
                }
                int at = villages.size();
                ranges.merge(district, new int[] { at, at + 1 }, (a, b) -> new int[] { a[0], b[1] });
                villages.add(new Village(code, row[1], district));
            }
        }
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("no village (PP.KK.CC.DDDD) in the region list starts with '" + prefix + "'");
        }
        this.districts = Collections.unmodifiableList(districts);
        this.districtIndex = index;
        this.districtsOfRegency = ofRegency;
        this.districtsOfProvince = ofProvince;
        this.regencyNames = regencyNames;
        this.codes = codes;
        this.villages = Collections.unmodifiableList(villages);
        this.villageRangeOfDistrict = ranges;
    }

    /** Reads the list from a file, or (file null) from the classpath or the project checkout around the working directory. */
    static Regions load(Path file, String prefix) {
        try {
            if (file != null) {
                try (var in = Files.newInputStream(file)) {
                    return new Regions(read(in), prefix);
                }
            }
            try (InputStream in = Regions.class.getClassLoader().getResourceAsStream(CLASSPATH)) {
                if (in != null) {
                    return new Regions(read(in), prefix);
                }
            }
            Path found = locate(Path.of("").toAbsolutePath());
            try (var in = Files.newInputStream(found)) {
                return new Regions(read(in), prefix);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the region list: " + e.getMessage(), e);
        }
    }

    /** The project's copy, looked for in the directory and its parents (a module's tests run one level down). */
    static Path locate(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(PROJECT_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("the region list " + PROJECT_PATH + " was not found from " + from
                + "; pass its path (--regions)");
    }

    private static List<String[]> read(InputStream in) throws IOException {
        var rows = new ArrayList<String[]>(92_000);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || !line.replace("\uFEFF", "").startsWith("kode")) {
            throw new IOException("the region list must start with the header kode,nama");
        }
        while ((line = reader.readLine()) != null) {
            int comma = line.indexOf(',');
            if (comma < 0) {
                continue;
            }
            String name = line.substring(comma + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            }
            rows.add(new String[] { line.substring(0, comma).strip(), name });
        }
        return rows;
    }

    /** "Kabupaten Pati" → "PATI", "Kota Semarang" → "SEMARANG": how a birth place is written on a KK. */
    private static String birthPlace(String regencyName) {
        String n = regencyName;
        for (String prefix : new String[] { "Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota " }) {
            if (n.startsWith(prefix)) {
                n = n.substring(prefix.length());
                break;
            }
        }
        return n.toUpperCase(java.util.Locale.ROOT);
    }

    List<Village> villages() {
        return villages;
    }

    int districtCount() {
        return districts.size();
    }

    /** Dotted district code ({@code 33.18.01}) of an index. */
    String district(int index) {
        return districts.get(index);
    }

    Integer districtIndex(String dotted) {
        return districtIndex.get(dotted);
    }

    /** The other districts of a district's regency (including itself), as indexes. */
    List<Integer> regencyDistricts(int district) {
        return districtsOfRegency.get(districts.get(district).substring(0, 5));
    }

    /** The districts of a district's province (including itself), as indexes. */
    List<Integer> provinceDistricts(int district) {
        return districtsOfProvince.get(districts.get(district).substring(0, 2));
    }

    /** The regency name as a birth place, for a district. */
    String birthPlace(int district) {
        return regencyNames.getOrDefault(districts.get(district).substring(0, 5), "");
    }

    /** The villages of a district within the prefix, as a [from, to) range of {@link #villages()}. */
    int[] villageRange(int district) {
        return villageRangeOfDistrict.get(district);
    }

    boolean exists(String code) {
        return codes.contains(code);
    }
}
