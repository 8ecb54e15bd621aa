package id.lumbung.eligibility.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.domain.EmploymentFact;
import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.HouseholdStatus;
import id.lumbung.eligibility.domain.LifeStatus;
import id.lumbung.eligibility.domain.Member;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Varied households for 2025-Q4 (ages counted on 1 October 2025) from a seeded random source: every status, no
 * desil and every desil, incomes around the Jepara poverty line, ages on both sides of each age limit, disabled,
 * deceased and moved members, every employment fact.
 */
public final class SyntheticHouseholds {

    static final ObjectMapper JSON = new ObjectMapper();
    /** birthdays either side of the 60, 21 and 6 year limits on 1 Oct 2025, leap days, unknown, not yet born */
    static final List<LocalDate> BIRTHS = List.of(LocalDate.of(1965, 10, 1), LocalDate.of(1965, 10, 2),
            LocalDate.of(1964, 9, 30), LocalDate.of(2004, 10, 1), LocalDate.of(2004, 10, 2), LocalDate.of(2019, 10, 1),
            LocalDate.of(2019, 10, 2), LocalDate.of(2024, 2, 29), LocalDate.of(1960, 2, 29), LocalDate.of(1985, 7, 1),
            LocalDate.of(1990, 12, 31), LocalDate.of(2025, 12, 1));

    private SyntheticHouseholds() {
    }

    public static List<Household> generate(long seed, int count, List<String> villages) {
        var random = new Random(seed);
        var result = new ArrayList<Household>();
        for (int i = 0; i < count; i++) {
            String village = villages.get(random.nextInt(villages.size()));
            Integer desil = random.nextInt(6) == 0 ? null : 1 + random.nextInt(10);
            var status = random.nextInt(12) == 0 ? HouseholdStatus.DISSOLVED : HouseholdStatus.ACTIVE;
            Long income = random.nextInt(4) == 0 ? null : (long) random.nextInt(2_500_000);
            var members = new ArrayList<Member>();
            int size = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(5);
            for (int m = 0; m < size; m++) {
                var employment = new java.util.LinkedHashSet<String>();
                if (random.nextInt(6) == 0) {
                    employment.add(EmploymentFact.values()[random.nextInt(EmploymentFact.values().length)].name());
                    if (random.nextInt(4) == 0) {
                        employment.add(EmploymentFact.values()[random.nextInt(EmploymentFact.values().length)].name());
                    }
                }
                if (random.nextInt(30) == 0) {
                    employment.add("PETANI"); // a fact no rule names
                }
                var life = switch (random.nextInt(8)) {
                    case 0 -> LifeStatus.DECEASED;
                    case 1 -> LifeStatus.MOVED;
                    default -> LifeStatus.ALIVE;
                };
                LocalDate birth = random.nextInt(15) == 0 ? null : BIRTHS.get(random.nextInt(BIRTHS.size()));
                String nik = village.replace(".", "").substring(0, 6) + "%010d".formatted(random.nextLong(10_000_000_000L));
                members.add(new Member(nik, "WARGA " + i + " " + m, m % 2 == 0 ? "MALE" : "FEMALE", birth,
                        m == 0 ? "KEPALA_KELUARGA" : "ANAK", random.nextInt(7) == 0 ? "DISABILITAS_FISIK" : null,
                        employment, life, life == LifeStatus.DECEASED ? LocalDate.of(2025, 3, 1) : null));
            }
            String noKk = village.replace(".", "").substring(0, 6) + "%010d".formatted(random.nextLong(10_000_000_000L));
            result.add(new Household(UUID.randomUUID(), noKk, village, desil, desil == null ? null : "2025-Q4", status,
                    random.nextInt(5), random.nextBoolean(), income, members));
        }
        return result;
    }

    /** The members as the registry's event carries them. */
    public static String membersJson(Household h) {
        var list = new ArrayList<Map<String, Object>>();
        for (var m : h.members()) {
            var map = new LinkedHashMap<String, Object>();
            map.put("nik", m.nik());
            map.put("fullName", m.fullName());
            map.put("sex", m.sex());
            map.put("birthDate", m.birthDate() == null ? null : m.birthDate().toString());
            map.put("relationship", m.relationship());
            map.put("disability", m.disability());
            map.put("employment", List.copyOf(m.employment()));
            map.put("lifeStatus", m.lifeStatus().name());
            map.put("deathDate", m.deathDate() == null ? null : m.deathDate().toString());
            list.add(map);
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Aid from other programs for some households, so the no-double-aid rules have something to say. */
    public static Map<UUID, Set<String>> aid(long seed, List<Household> households) {
        var random = new Random(seed);
        var programs = List.of("PKH", "BLT_DD", "SEMBAKO", "BLTS_KESRA_2025", "PBI_JKN");
        var result = new LinkedHashMap<UUID, Set<String>>();
        for (var h : households) {
            if (random.nextInt(3) == 0) {
                var set = new java.util.TreeSet<String>();
                set.add(programs.get(random.nextInt(programs.size())));
                if (random.nextBoolean()) {
                    set.add(programs.get(random.nextInt(programs.size())));
                }
                result.put(h.id(), set);
            }
        }
        return result;
    }
}
