package id.lumbung.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes one plausible family: a village, a No. KK, 1–9 members whose ages, relationships and NIKs agree,
 * and a socio-economic part that follows the family's desil. All randomness comes from the generator the
 * caller passes (one per family), so a family depends on the seed and its position only; NIK and No. KK
 * serials are handed out in file order.
 */
final class FamilyFactory {

    // household size 1..9, per mille (mean about 3.65 persons)
    private static final int[] SIZE = { 90, 170, 230, 240, 140, 70, 35, 15, 10 };
    // per-capita monthly income bands by desil, rupiah
    private static final int[] INCOME_LO = { 300_000, 450_000, 600_000, 750_000, 900_000, 1_100_000, 1_400_000, 1_800_000, 2_500_000, 3_800_000 };
    private static final int[] INCOME_HI = { 550_000, 700_000, 850_000, 1_000_000, 1_200_000, 1_500_000, 1_900_000, 2_600_000, 4_000_000, 12_000_000 };

    private static final String[] TENURE = { "MILIK_SENDIRI", "KONTRAK_SEWA", "BEBAS_SEWA", "DINAS", "LAINNYA" };
    private static final int[][] TENURE_W = { { 85, 4, 9, 1, 1 }, { 65, 22, 10, 2, 1 } };
    private static final String[] FLOOR = { "TANAH", "BAMBU", "KAYU_PAPAN", "SEMEN_BATA", "UBIN_TEGEL", "KERAMIK", "MARMER_GRANIT" };
    private static final int[][] FLOOR_W = { { 20, 3, 10, 40, 10, 17, 0 }, { 5, 1, 6, 30, 13, 45, 0 }, { 0, 0, 2, 8, 8, 75, 7 } };
    private static final String[] WALL = { "BAMBU", "ANYAMAN_BAMBU", "KAYU_PAPAN", "PLESTERAN_ANYAMAN_BAMBU", "TEMBOK" };
    private static final int[][] WALL_W = { { 12, 12, 22, 8, 46 }, { 3, 4, 14, 5, 74 }, { 0, 0, 5, 1, 94 } };
    private static final String[] ROOF = { "IJUK_RUMBIA", "KAYU_SIRAP", "SENG", "ASBES", "GENTENG", "BETON" };
    private static final int[][] ROOF_W = { { 4, 2, 30, 12, 52, 0 }, { 1, 1, 28, 14, 54, 2 }, { 0, 1, 18, 8, 58, 15 } };
    private static final String[] WATER = { "AIR_SUNGAI", "AIR_HUJAN", "MATA_AIR_TAK_TERLINDUNG", "SUMUR_TAK_TERLINDUNG",
            "MATA_AIR_TERLINDUNG", "SUMUR_TERLINDUNG", "SUMUR_BOR_POMPA", "LEDENG", "AIR_KEMASAN" };
    private static final int[][] WATER_W = { { 6, 3, 6, 12, 10, 28, 20, 12, 3 }, { 2, 1, 2, 5, 8, 25, 27, 20, 10 }, { 0, 0, 0, 1, 3, 10, 30, 26, 30 } };
    private static final String[] TOILET = { "TIDAK_ADA", "UMUM", "BERSAMA", "SENDIRI" };
    private static final int[][] TOILET_W = { { 12, 6, 17, 65 }, { 3, 2, 8, 87 }, { 0, 0, 2, 98 } };
    private static final int[] ELECTRICITY = { 0, 450, 900, 1300, 2200, 3500, 5500 };
    private static final int[][] ELECTRICITY_W = { { 6, 58, 32, 4, 0, 0, 0 }, { 2, 25, 48, 20, 5, 0, 0 }, { 0, 2, 15, 38, 30, 11, 4 } };
    // per mille of families owning each asset (Household.ASSETS order), by band
    private static final int[][] ASSET_P = { { 550, 150, 450, 5, 0, 20, 30, 550 }, { 800, 450, 800, 40, 20, 100, 120, 850 },
            { 950, 850, 920, 350, 300, 500, 400, 980 } };
    private static final String[] EDUCATION = { "TIDAK_SEKOLAH", "SD", "SMP", "SMA", "DIPLOMA", "S1", "S2" };
    private static final int[][] EDUCATION_W = { { 12, 48, 22, 16, 1, 1, 0 }, { 5, 30, 25, 32, 3, 5, 0 }, { 1, 10, 12, 40, 9, 24, 4 } };
    private static final int[][] EDUCATION_OLD_W = { { 30, 50, 10, 8, 1, 1, 0 }, { 18, 48, 14, 15, 2, 3, 0 }, { 8, 35, 15, 25, 5, 10, 2 } };
    private static final String[] WORK_DESA = { "PETANI_PEKEBUN", "BURUH_TANI_PERKEBUNAN", "BURUH_HARIAN_LEPAS", "PEDAGANG",
            "WIRASWASTA", "KARYAWAN_SWASTA", "NELAYAN_PERIKANAN", "SOPIR", "TUKANG" };
    private static final int[][] WORK_DESA_W = { { 28, 22, 22, 8, 5, 5, 4, 2, 4 }, { 32, 10, 15, 12, 10, 10, 3, 4, 4 },
            { 25, 3, 6, 16, 20, 22, 2, 3, 3 } };
    private static final String[] WORK_KOTA = { "BURUH_HARIAN_LEPAS", "PEDAGANG", "WIRASWASTA", "KARYAWAN_SWASTA", "SOPIR",
            "TUKANG", "PETANI_PEKEBUN", "ASISTEN_RUMAH_TANGGA" };
    private static final int[][] WORK_KOTA_W = { { 35, 18, 8, 12, 7, 10, 4, 6 }, { 20, 18, 15, 30, 6, 6, 2, 3 },
            { 5, 14, 28, 46, 2, 2, 2, 1 } };
    private static final String[] DISABILITY = { "DISABILITAS_FISIK", "DISABILITAS_NETRA", "DISABILITAS_RUNGU_WICARA",
            "DISABILITAS_MENTAL", "DISABILITAS_INTELEKTUAL" };
    private static final int[] DISABILITY_W = { 40, 20, 15, 15, 10 };

    private static final String[] STREET = { "MELATI", "MAWAR", "ANGGREK", "KENANGA", "CEMPAKA", "FLAMBOYAN", "DAHLIA",
            "SUDIRMAN", "DIPONEGORO", "KARTINI", "GATOT SUBROTO", "AHMAD YANI", "PEMUDA", "MERDEKA", "PAHLAWAN", "VETERAN",
            "SULTAN AGUNG", "HASANUDDIN", "IMAM BONJOL", "GAJAH MADA", "HAYAM WURUK", "AGUS SALIM", "CUT NYAK DIEN",
            "TERUKO", "KAMBOJA", "SAWO", "NANGKA", "MANGGA", "RAYA", "PERINTIS KEMERDEKAAN" };
    private static final String[] DUKUH = { "KRAJAN", "KAUMAN", "NGASEM", "SIDOREJO", "SUKOREJO", "KRANGGAN", "TEGALSARI",
            "GONDANG", "NGEMPLAK", "SUMBERSARI", "WONOREJO", "TAMBAKREJO", "KEDUNGSARI", "PUNDEN", "SIDOMULYO", "KARANGANYAR",
            "NGRANDU", "BANJARAN", "JATIROGO", "GEBANG" };
    private static final String[] KAMPUNG = { "CIBODAS", "CIHERANG", "CIKALONG", "CIJERUK", "CISARUA", "CIPANAS", "SUKAMAJU",
            "SUKARAME", "MEKARSARI", "MARGAHAYU", "SUKAMULYA", "CIGADUNG", "PASIRHALANG", "BOJONG", "LEUWILIANG", "SINDANGSARI" };
    private static final String[] BANJAR = { "KAJA", "KELOD", "KANGIN", "KAUH", "TENGAH", "ANYAR", "PASEKAN", "DAUH PURI",
            "BATUR", "DESA" };
    private static final String[] ROMAN = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII" };

    private final Regions regions;
    private final List<Regions.Village> villages;
    private final int[] villageWeights;
    private final String[] districtDigits;
    private final LocalDate reference;
    private final String period;
    private final Serials niks;
    private final Serials kks;

    FamilyFactory(Regions regions, LocalDate reference, String period, int households) {
        this.regions = regions;
        this.villages = regions.villages();
        this.villageWeights = new int[villages.size()];
        int total = 0;
        for (int i = 0; i < villages.size(); i++) {
            // a kelurahan (town) houses about twice the families of a desa
            total += villages.get(i).kelurahan() ? 2 : 1;
            villageWeights[i] = total;
        }
        this.districtDigits = new String[regions.districtCount()];
        for (int d = 0; d < districtDigits.length; d++) {
            districtDigits[d] = regions.district(d).replace(".", "");
        }
        this.reference = reference;
        this.period = period;
        this.niks = new Serials(households * 4 + 1024);
        this.kks = new Serials(Math.min(households, 4_000_000) + 1024);
    }

    /** A family of at least {@code minMembers} members (a planted defect needs a member besides the head). */
    Household family(SplittableRandom r, int minMembers) {
        var h = new Household();
        var v = village(r);
        h.village = v;
        h.villageCode = v.code();
        h.custom = Names.custom(v.province());
        h.desil = r.nextInt(1000) < 50 ? 0 : 1 + r.nextInt(10);
        h.latentDesil = h.desil == 0 ? 1 + r.nextInt(10) : h.desil;
        h.desilPeriod = h.desil == 0 ? null : period;
        h.noKk = noKk(r, v.district());
        place(r, h, v);
        int size = size(r, h.latentDesil);
        compose(r, h, Math.max(size, minMembers));
        socioEconomic(r, h);
        return h;
    }

    Regions.Village village(SplittableRandom r) {
        int x = r.nextInt(villageWeights[villageWeights.length - 1]);
        int lo = 0;
        int hi = villageWeights.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (villageWeights[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return villages.get(lo);
    }

    /** Address, RT and RW as a village writes them: streets in towns, hamlets (dukuh, kampung, banjar) in villages. */
    void place(SplittableRandom r, Household h, Regions.Village v) {
        if (v.kelurahan()) {
            h.address = (r.nextInt(100) < 75 ? "JL. " : "GG. ") + pick(r, STREET) + " NO. " + (1 + r.nextInt(150));
        } else {
            h.address = switch (h.custom) {
                case JAWA -> (r.nextBoolean() ? "DK. " : "DUSUN ") + pick(r, DUKUH);
                case SUNDA -> "KP. " + pick(r, KAMPUNG);
                case BALI -> "BR. " + pick(r, BANJAR);
                default -> "DUSUN " + pick(r, ROMAN);
            };
        }
        h.rt = pad3(1 + r.nextInt(v.kelurahan() ? 15 : 8));
        h.rw = pad3(1 + r.nextInt(v.kelurahan() ? 12 : 5));
    }

    private static int size(SplittableRandom r, int latent) {
        int size = 1 + pick(r, SIZE);
        // the poorest deciles have the larger families (desil ranks persons, not cards)
        if (latent <= 3 && size < 9 && r.nextInt(100) < 30) {
            size++;
        } else if (latent >= 8 && size > 1 && r.nextInt(100) < 30) {
            size--;
        }
        return size;
    }

    private void compose(SplittableRandom r, Household h, int n) {
        int province = h.village.province();
        int home = h.village.district();
        h.familyName = Names.familyName(r, h.custom, province);
        if (n == 1) {
            int kind = r.nextInt(100);
            int age;
            boolean female;
            String marital;
            if (kind < 50) {
                age = 60 + r.nextInt(29);
                female = r.nextInt(100) < 70;
                marital = "CERAI_MATI";
            } else if (kind < 80) {
                age = 19 + r.nextInt(20);
                female = r.nextInt(100) < 35;
                marital = "BELUM_KAWIN";
            } else {
                age = 35 + r.nextInt(26);
                female = r.nextInt(100) < 60;
                marital = r.nextBoolean() ? "CERAI_HIDUP" : "CERAI_MATI";
            }
            h.members.add(person(r, h, age, female, "KEPALA_KELUARGA", marital, origin(r, home, 75, 17), ownName(r, h), -1));
            return;
        }
        boolean couple = r.nextInt(100) < 86;
        int headAge;
        boolean headFemale;
        if (couple) {
            headAge = triangular(r, n >= 5 ? 30 : 21, 42, 80);
            headFemale = r.nextInt(100) < 3;
        } else {
            headAge = 28 + r.nextInt(48);
            headFemale = r.nextInt(100) < 80;
        }
        String headMarital = couple ? "KAWIN" : r.nextInt(100) < 60 ? "CERAI_MATI" : "CERAI_HIDUP";
        var head = person(r, h, headAge, headFemale, "KEPALA_KELUARGA", headMarital, origin(r, home, 75, 17),
                headFemale ? ownName(r, h) : h.familyName, -1);
        h.members.add(head);
        int slots = n - 1;
        int motherAge = headFemale ? headAge : headAge - 3;
        if (couple) {
            int spouseAge = Math.clamp(headFemale ? headAge + r.nextInt(8) : headAge + 1 - r.nextInt(9), 18, 95);
            h.members.add(person(r, h, spouseAge, !headFemale, headFemale ? "SUAMI" : "ISTRI", "KAWIN",
                    origin(r, home, 65, 20), headFemale ? h.familyName : ownName(r, h), -1));
            slots--;
            if (!headFemale) {
                motherAge = spouseAge;
            }
        }
        if (slots >= 1 && headAge <= 58 && r.nextInt(100) < 12) {
            boolean female = r.nextInt(100) < 65;
            String relationship = couple && r.nextInt(100) < 40 ? "MERTUA" : "ORANG_TUA";
            h.members.add(person(r, h, Math.min(98, headAge + 20 + r.nextInt(15)), female, relationship,
                    r.nextInt(100) < 75 ? "CERAI_MATI" : "KAWIN", origin(r, home, 60, 30), ownName(r, h), -1));
            slots--;
        }
        if (slots >= 3 && headAge >= 50 && motherAge >= 38 && r.nextInt(100) < 35) {
            // three generations: a married child with spouse and children
            int childAge = Math.max(19, motherAge - 20 - r.nextInt(Math.max(1, Math.min(10, motherAge - 37))));
            boolean childFemale = r.nextBoolean();
            String childFamily = h.familyName;
            h.members.add(person(r, h, childAge, childFemale, "ANAK", "KAWIN", origin(r, home, 88, 8), childFamily, 0));
            String inLawFamily = ownName(r, h);
            h.members.add(person(r, h, Math.max(18, childAge + (childFemale ? 3 : -2) + r.nextInt(3) - 1), !childFemale,
                    "MENANTU", "KAWIN", origin(r, home, 60, 25), inLawFamily, -1));
            slots -= 2;
            String grandFamily = childFemale ? inLawFamily : childFamily;
            int grandchildren = Math.min(slots, 1 + r.nextInt(3));
            int age = Math.min(childAge - 19, r.nextInt(8));
            for (int k = 0; k < grandchildren && age >= 0; k++) {
                h.members.add(person(r, h, age, r.nextBoolean(), "CUCU", "BELUM_KAWIN", origin(r, home, 95, 4), grandFamily, k));
                age -= 1 + r.nextInt(4);
                slots--;
            }
        }
        if (slots > 0) {
            // children: born when the mother was 19..44, spaced 1..5 years; the oldest may have left home
            var ages = new ArrayList<Integer>();
            int age = motherAge - 19 - r.nextInt(12);
            while (age >= 0 && motherAge - age <= 44 && ages.size() < 12) {
                ages.add(age);
                age -= 1 + r.nextInt(5);
            }
            int from = Math.max(0, ages.size() - slots);
            for (int k = from; k < ages.size(); k++) {
                int childAge = ages.get(k);
                boolean female = r.nextBoolean();
                h.members.add(person(r, h, childAge, female, "ANAK", childAge >= 30 && r.nextInt(100) < 20 ? "CERAI_HIDUP" : "BELUM_KAWIN",
                        origin(r, home, childAge < 18 ? 92 : 85, childAge < 18 ? 6 : 10), h.familyName, k));
                slots--;
            }
        }
        while (slots > 0) {
            int kind = r.nextInt(100);
            if (headAge >= 45 && kind < 45) {
                h.members.add(person(r, h, r.nextInt(15), r.nextBoolean(), "CUCU", "BELUM_KAWIN", origin(r, home, 85, 10),
                        r.nextBoolean() ? h.familyName : null, -1));
            } else if (kind < 93) {
                boolean female = r.nextBoolean();
                h.members.add(person(r, h, 3 + r.nextInt(30), female, "FAMILI_LAIN", "BELUM_KAWIN", origin(r, home, 60, 25),
                        ownName(r, h), -1));
            } else {
                boolean female = r.nextInt(100) < 70;
                h.members.add(person(r, h, 15 + r.nextInt(50), female, "LAINNYA", "BELUM_KAWIN", origin(r, home, 50, 30),
                        ownName(r, h), -1));
            }
            slots--;
        }
        lifeEvents(r, h);
    }

    /** Deaths and departures the extract already shows (the registry lags behind the village). */
    private void lifeEvents(SplittableRandom r, Household h) {
        for (int i = 1; i < h.members.size(); i++) {
            var m = h.members.get(i);
            int age = m.age(reference);
            int x = r.nextInt(10_000);
            int death = age >= 75 ? 500 : age >= 60 ? 150 : 15;
            int moved = age >= 18 && age <= 35 ? 250 : age >= 15 ? 30 : 0;
            if (x < death) {
                m.lifeStatus = "DECEASED";
                long span = Math.min(700, java.time.temporal.ChronoUnit.DAYS.between(m.birthDate, reference));
                m.deathDate = reference.minusDays(span <= 1 ? 0 : r.nextLong(span));
            } else if (x < death + moved) {
                m.lifeStatus = "MOVED";
            }
        }
    }

    /** A family name of one's own (a wife's marga, an in-law's), where the custom has them. */
    private static String ownName(SplittableRandom r, Household h) {
        return Names.familyName(r, h.custom, h.village.province());
    }

    /**
     * Where a NIK was issued: the home district, another district of the same regency, or further away
     * (mostly within the province).
     */
    private int origin(SplittableRandom r, int home, int pctHome, int pctRegency) {
        int x = r.nextInt(100);
        if (x < pctHome) {
            return home;
        }
        if (x < pctHome + pctRegency) {
            var list = regions.regencyDistricts(home);
            return list.get(r.nextInt(list.size()));
        }
        if (r.nextInt(100) < 60) {
            var list = regions.provinceDistricts(home);
            return list.get(r.nextInt(list.size()));
        }
        return r.nextInt(regions.districtCount());
    }

    /** A person of an age (on the reference date) with everything the card says about them. */
    Member person(SplittableRandom r, Household h, int age, boolean female, String relationship, String marital,
            int origin, String family, int order) {
        var m = new Member();
        m.female = female;
        m.birthDate = reference.minusYears(age).minusDays(r.nextInt(365));
        if (m.birthDate.isAfter(reference)) {
            m.birthDate = reference;
        }
        m.nik = nik(origin, m.birthDate, female);
        m.fullName = Names.name(r, h.custom, female, m.birthDate.getYear(), family, order);
        m.birthPlace = regions.birthPlace(origin);
        m.relationship = relationship;
        m.maritalStatus = marital;
        facts(r, h, m, age);
        return m;
    }

    /** A baby born after the reference date to a family: registered in the district the family lives in now. */
    Member baby(SplittableRandom r, Household h, LocalDate born) {
        var m = new Member();
        m.female = r.nextBoolean();
        m.birthDate = born;
        int district = h.village.district();
        m.nik = nik(district, born, m.female);
        int order = (int) h.members.stream().filter(x -> "ANAK".equals(x.relationship)).count();
        m.fullName = Names.name(r, h.custom, m.female, born.getYear(), h.familyName, order);
        m.birthPlace = regions.birthPlace(district);
        m.relationship = "ANAK";
        m.maritalStatus = "BELUM_KAWIN";
        m.education = "BELUM_SEKOLAH";
        m.occupation = "BELUM_TIDAK_BEKERJA";
        return m;
    }

    /** Education, occupation, disability and the employment facts exclusion rules look at. */
    private void facts(SplittableRandom r, Household h, Member m, int age) {
        int band = band(h.latentDesil);
        boolean desa = !h.village.kelurahan();
        if (age >= 20) {
            m.employment = employment(r, age, m.female, h.latentDesil, desa);
        }
        if (age < 7) {
            m.education = "BELUM_SEKOLAH";
        } else if (age <= 12) {
            m.education = "SD";
        } else if (age <= 15) {
            m.education = "SMP";
        } else if (age <= 18) {
            m.education = r.nextInt(100) < 80 ? "SMA" : "SMP";
        } else {
            m.education = pick(r, EDUCATION, m.birthDate.getYear() < 1965 ? EDUCATION_OLD_W[band] : EDUCATION_W[band]);
        }
        if ((m.employment & (bit(0) | bit(6) | bit(7))) != 0) {
            m.education = r.nextInt(100) < 80 ? "S1" : "DIPLOMA";
        } else if ((m.employment & (bit(1) | bit(2) | bit(9))) != 0
                && (m.education.equals("TIDAK_SEKOLAH") || m.education.equals("SD") || m.education.equals("SMP"))) {
            m.education = "SMA";
        }
        m.occupation = occupation(r, m, age, band, desa);
        int disabled = age >= 65 ? 60 : age >= 18 ? 15 : 7;
        if (r.nextInt(1000) < disabled) {
            m.disability = pick(r, DISABILITY, DISABILITY_W);
        }
    }

    /** At most one fact (two for a certified teacher who is also a civil servant), likelier in the richer deciles. */
    private static int employment(SplittableRandom r, int age, boolean female, int latent, boolean desa) {
        double x = r.nextDouble();
        if (age >= 58) {
            double f = 0.4 + 0.12 * (latent - 1);
            double asn = 0.06 * f;
            double tni = female ? 0 : 0.008 * f;
            double polri = female ? 0 : 0.006 * f;
            if (x < asn) {
                return bit(3);
            }
            if (x < asn + tni) {
                return bit(4);
            }
            if (x < asn + tni + polri) {
                return bit(5);
            }
            return 0;
        }
        double f = 0.25 + 0.15 * (latent - 1);
        double[] rates = {
                age >= 22 ? 0.022 * f : 0, // ASN
                age <= 53 ? 0.004 * f * (female ? 0.1 : 1.9) : 0, // TNI
                0.0035 * f * (female ? 0.15 : 1.85), // POLRI
                0, 0, 0,
                age >= 23 && age <= 50 ? 0.0008 : 0, // PENDAMPING_SOSIAL
                age >= 25 ? 0.008 * f : 0, // GURU_BERSERTIFIKAT
                0.006, // PENGHASILAN_APBN_APBD (honorer)
                0.005 * f, // PEGAWAI_BUMN
                desa && age >= 25 ? 0.005 : 0 }; // PERANGKAT_DESA
        double c = 0;
        for (int i = 0; i < rates.length; i++) {
            c += rates[i];
            if (x < c) {
                // many certified teachers are civil servants too
                return i == 7 && r.nextInt(100) < 45 ? bit(7) | bit(0) : bit(i);
            }
        }
        return 0;
    }

    private static String occupation(SplittableRandom r, Member m, int age, int band, boolean desa) {
        int e = m.employment;
        if (e != 0) {
            if ((e & bit(7)) != 0) {
                return "GURU";
            }
            for (int i = 0; i < Member.EMPLOYMENT.length; i++) {
                if ((e & bit(i)) != 0) {
                    return switch (i) {
                        case 0 -> "PNS";
                        case 1 -> "TNI";
                        case 2 -> "POLRI";
                        case 3, 4, 5 -> "PENSIUNAN";
                        case 6 -> "PENDAMPING_SOSIAL";
                        case 8 -> "HONORER";
                        case 9 -> "KARYAWAN_BUMN";
                        default -> "PERANGKAT_DESA";
                    };
                }
            }
        }
        if (age < 5) {
            return "BELUM_TIDAK_BEKERJA";
        }
        if (age < 18 || (age <= 22 && r.nextInt(100) < 15 + 8 * band)) {
            return "PELAJAR_MAHASISWA";
        }
        if (age >= 65 && r.nextInt(100) < 60) {
            return "BELUM_TIDAK_BEKERJA";
        }
        if (m.female && r.nextInt(100) < 45) {
            return "MENGURUS_RUMAH_TANGGA";
        }
        if (r.nextInt(100) < 6) {
            return "BELUM_TIDAK_BEKERJA";
        }
        return desa ? pick(r, WORK_DESA, WORK_DESA_W[band]) : pick(r, WORK_KOTA, WORK_KOTA_W[band]);
    }

    /** Housing, assets, livestock, income and KKS card, following the (latent) desil. */
    void socioEconomic(SplittableRandom r, Household h) {
        int d = h.latentDesil;
        int band = band(d);
        boolean kota = h.village.kelurahan();
        boolean javaOrBali = h.custom == Names.Custom.JAWA || h.custom == Names.Custom.SUNDA || h.custom == Names.Custom.BALI;
        int n = Math.max(1, (int) h.present());
        h.housingTenure = pick(r, TENURE, TENURE_W[kota ? 1 : 0]);
        double perCapita = 4 + 2.2 * (d - 1) + r.nextDouble() * (4 + 3.5 * (d - 1));
        h.floorTenths = (int) Math.round(Math.min(500, Math.max(14, perCapita * n)) * 2) * 5;
        if (kota ? r.nextInt(100) < 55 : r.nextInt(100) < 70) {
            double land = kota ? 40 + r.nextDouble() * (60 + 30 * d) : 60 + r.nextDouble() * r.nextDouble() * (400 + 300 * d);
            h.landTenths = (int) Math.round(land) * 10;
        }
        h.floorType = pick(r, FLOOR, FLOOR_W[band]);
        h.wallType = pick(r, WALL, WALL_W[band]);
        int[] roof = ROOF_W[band].clone();
        if (!javaOrBali) {
            // outside Java, Bali and Sunda most roofs are corrugated iron
            roof[2] *= 2;
            roof[4] = roof[4] * 2 / 5;
        }
        h.roofType = pick(r, ROOF, roof);
        h.waterSource = pick(r, WATER, WATER_W[band]);
        h.toilet = pick(r, TOILET, TOILET_W[band]);
        h.electricityVa = ELECTRICITY[pick(r, ELECTRICITY_W[band])];
        h.assets = 0;
        for (int i = 0; i < Household.ASSETS.length; i++) {
            if (r.nextInt(1000) < ASSET_P[band][i]) {
                h.assets |= 1 << i;
            }
        }
        java.util.Arrays.fill(h.livestock, 0);
        boolean pork = h.custom == Names.Custom.BALI || h.custom == Names.Custom.TIMUR || h.custom == Names.Custom.BATAK;
        if (!kota || r.nextInt(100) < 15) {
            if (r.nextInt(100) < (band == 2 ? 15 : 38)) {
                h.livestock[4] = 3 + r.nextInt(28);
            }
            if (r.nextInt(100) < (band == 2 ? 5 : 12)) {
                h.livestock[2] = 1 + r.nextInt(6);
            }
            if (r.nextInt(100) < (band == 0 ? 4 : 8)) {
                h.livestock[0] = 1 + r.nextInt(3);
            }
            if (!javaOrBali && r.nextInt(100) < 3) {
                h.livestock[1] = 1 + r.nextInt(3);
            }
            if (pork && r.nextInt(100) < 25) {
                h.livestock[3] = 1 + r.nextInt(4);
            }
            if (r.nextInt(100) < 5) {
                h.livestock[5] = 2 + r.nextInt(14);
            }
        }
        h.monthlyIncome = income(r, d, n);
        int kks = h.desil == 0 ? 5 : d <= 4 ? 60 - 10 * (d - 1) : d == 5 ? 12 : 2;
        h.kksCard = r.nextInt(100) < kks;
    }

    /** Monthly family income in whole rupiah, rounded as people state it (to Rp50.000). */
    static long income(SplittableRandom r, int desil, int members) {
        double u = r.nextDouble();
        if (desil == 10) {
            u *= u;
        }
        double perCapita = INCOME_LO[desil - 1] + u * (INCOME_HI[desil - 1] - INCOME_LO[desil - 1]);
        long income = Math.round(perCapita * Math.pow(members, 0.85) / 50_000) * 50_000;
        return Math.max(100_000, income);
    }

    /** NIK {@code PPKKCC DDMMYY SSSS}: issuing district, birth date with day + 40 for women, the next serial. */
    String nik(int district, LocalDate birth, boolean female) {
        int day = birth.getDayOfMonth();
        int serial = niks.next(Serials.key(district, birth.getYear() % 100, birth.getMonthValue(), day, female));
        var b = new StringBuilder(16).append(districtDigits[district]);
        two(b, day + (female ? 40 : 0));
        two(b, birth.getMonthValue());
        two(b, birth.getYear() % 100);
        return four(b, serial).toString();
    }

    /** No. KK {@code PPKKCC ddmmyy ssss}: the family's district, the day the card was issued, the next serial. */
    private String noKk(SplittableRandom r, int district) {
        LocalDate issued = reference.minusDays(1 + r.nextInt(15 * 365));
        int serial = kks.next(Serials.key(district, issued.getYear() % 100, issued.getMonthValue(), issued.getDayOfMonth(), false));
        var b = new StringBuilder(16).append(districtDigits[district]);
        two(b, issued.getDayOfMonth());
        two(b, issued.getMonthValue());
        two(b, issued.getYear() % 100);
        return four(b, serial).toString();
    }

    String districtDigits(int district) {
        return districtDigits[district];
    }

    static int bit(int employmentIndex) {
        return 1 << employmentIndex;
    }

    private static int band(int desil) {
        return desil <= 3 ? 0 : desil <= 7 ? 1 : 2;
    }

    private static int triangular(SplittableRandom r, int lo, int mode, int hi) {
        double u = r.nextDouble();
        double c = (double) (mode - lo) / (hi - lo);
        double x = u < c ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
        return (int) x;
    }

    static int pick(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String pick(SplittableRandom r, String[] values, int[] weights) {
        return values[pick(r, weights)];
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String pad3(int n) {
        return n < 10 ? "00" + n : n < 100 ? "0" + n : Integer.toString(n);
    }

    private static void two(StringBuilder b, int n) {
        b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private static StringBuilder four(StringBuilder b, int n) {
        return b.append((char) ('0' + n / 1000)).append((char) ('0' + n / 100 % 10)).append((char) ('0' + n / 10 % 10))
                .append((char) ('0' + n % 10));
    }
}
