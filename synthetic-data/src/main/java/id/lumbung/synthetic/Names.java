package id.lumbung.synthetic;

import java.util.SplittableRandom;

/**
 * Indonesian names as a family card shows them (upper case), by the naming custom of the province:
 * Javanese single names among the old, Sundanese, Batak given name + marga, Balinese birth-order names,
 * Christian given name + family name in the east, Malay/Islamic names elsewhere, and the names of the
 * generation born since the late 1990s everywhere.
 */
final class Names {

    /** Naming customs, chosen by the province of the village. */
    enum Custom { JAWA, SUNDA, BATAK, BALI, TIMUR, UMUM }

    private static final String[] JAWA_MALE = { "SLAMET", "SUTRISNO", "SUPARMAN", "BAMBANG", "JOKO", "BUDI", "AGUS", "EKO",
            "HADI", "WAHYU", "SUGENG", "SUKARDI", "SUMARNO", "PAIJO", "TUKIMAN", "KASMIN", "SUYATNO", "HARYANTO", "PURNOMO",
            "SETIAWAN", "TRI", "DWI", "ARIS", "BAYU", "HERU", "KUSNADI", "MULYONO", "NGATIMIN", "RUSMANTO", "SARDI", "SUPRIYADI",
            "TEGUH", "WIDODO", "YUDI", "ANDI", "DARSONO", "KARNO", "PARJO", "SUWARNO", "WARSITO" };
    private static final String[] JAWA_FEMALE = { "SRI", "SITI", "SUMARNI", "SUMINAH", "PAINEM", "TUKIYEM", "ENDANG", "SULASTRI",
            "WARTINI", "SUPARMI", "NGATINAH", "SUKINAH", "KASIYEM", "SUPRIHATIN", "RUBIYAH", "MUJIATI", "WATI", "YULI", "RATNA",
            "DEWI", "NUR", "TITIK", "ESTI", "LESTARI", "SUGIARTI", "WAGIYEM", "MARYATI", "SUNARSIH", "TRI", "DWI" };
    private static final String[] JAWA_SECOND_MALE = { "SANTOSO", "SUSANTO", "PRASETYO", "HARTONO", "WIBOWO", "SUSILO",
            "PURWANTO", "KURNIAWAN", "UTOMO", "SUHARTO", "RIYADI", "SAPUTRO", "NUGROHO", "WALUYO", "SUGIHARTO",
            "HARYADI" };
    private static final String[] JAWA_SECOND_FEMALE = { "WAHYUNI", "RAHAYU", "SETYOWATI", "LESTARI", "HANDAYANI",
            "MULYANI", "NINGSIH", "ASTUTI", "WIDAYATI", "YULIANTI", "SARI", "PURWANINGSIH", "SULISTYOWATI",
            "KUSUMAWATI" };
    private static final String[] SUNDA_MALE = { "ASEP", "UJANG", "DEDE", "CECEP", "ENTIS", "DADANG", "YAYAN", "UDIN", "ENDANG",
            "AJAT", "OMAN", "DEDI", "HERMAN", "IWAN", "JAJANG", "KOKO", "MAMAN", "NANANG", "OTONG", "ROHMAT", "TATANG", "WAWAN",
            "YUSUP", "AGUS", "ENCEP" };
    private static final String[] SUNDA_FEMALE = { "EUIS", "NENENG", "IIS", "YAYAH", "CUCU", "ENTIN", "IMAS", "LILIS", "NENG",
            "NINING", "OOM", "ROSITA", "TATI", "UPI", "YATI", "ENENG", "ELIS", "DEDEH", "AAN", "IPAH", "KOKOM", "MIMIN" };
    private static final String[] SUNDA_SECOND_MALE = { "SAEPUDIN", "SUPRIATNA", "HIDAYAT", "SUHERMAN", "MULYANA",
            "RUKMANA", "SOLIHIN", "RUSTANDI", "SUTISNA", "HERMAWAN", "SUNARYA", "KURNIAWAN" };
    private static final String[] SUNDA_SECOND_FEMALE = { "KOMARIAH", "KURNIASIH", "NURJANAH", "SETIAWATI", "ROHAYATI",
            "SUMIATI", "MARLINA", "JUBAEDAH", "HASANAH", "NURHAYATI" };
    private static final String[] BATAK_MALE = { "TOGAR", "SAHAT", "PARULIAN", "MARULI", "BONAR", "HOTMAN", "JUNTAK", "LAMHOT",
            "PANDAPOTAN", "RUDOLF", "BINSAR", "DAPOT", "GOMGOM", "HASUDUNGAN", "MANGASI", "POLTAK", "RAJA", "TUMPAL", "JOHANNES",
            "ROBERT", "DANIEL", "DAVID" };
    private static final String[] BATAK_FEMALE = { "ROSLINA", "ROSMAWATI", "TIURMA", "HOTMAIDA", "MERIAM", "NURHAYATI", "LASMA",
            "DUMARIA", "ROSMERI", "SURIANI", "MARTA", "DEBORA", "LINDA", "ELISABETH", "ROMAULI", "SRIDEWI", "TETTY" };
    private static final String[] MARGA = { "SIREGAR", "NASUTION", "HARAHAP", "SIMANJUNTAK", "SITOMPUL", "LUBIS", "HUTAPEA",
            "PANJAITAN", "SINAGA", "SITUMORANG", "TAMPUBOLON", "PARDEDE", "MANURUNG", "SIHOMBING", "SIMATUPANG", "SILALAHI",
            "NAPITUPULU", "PANGGABEAN", "SIAGIAN", "GINTING", "TARIGAN", "SEMBIRING", "DAMANIK", "SARAGIH", "PURBA" };
    private static final String[] BALI_ORDER = { "WAYAN", "MADE", "NYOMAN", "KETUT" };
    private static final String[] BALI_ORDER_ALT = { "PUTU", "KADEK", "KOMANG", "KETUT" };
    private static final String[] BALI_MALE = { "SUDARSANA", "WIRAWAN", "ARTANA", "SUARDANA", "MERTA", "SUWITRA", "ADNYANA",
            "SUDIARTA", "WIDIADA", "ARDANA", "GEDE PUTRA", "DARMAWAN", "SUKADANA", "YASA", "WIRATA", "SANTIKA" };
    private static final String[] BALI_FEMALE = { "AYU LESTARI", "SRI ARTINI", "SUARNI", "WIDIANI", "SUKERTI", "PUSPAWATI",
            "ARYANI", "SUDIANI", "KARMINI", "ASTITI", "SUARTINI", "DEWI", "MURNIASIH", "SUCIPTA DEWI" };
    private static final String[] TIMUR_MALE = { "YOHANES", "PETRUS", "MARKUS", "YAKOBUS", "FRANSISKUS", "ANDREAS", "YOSEF",
            "PAULUS", "MIKHAEL", "STEFANUS", "YULIUS", "ALBERTUS", "DOMINIKUS", "NIKOLAUS", "SIMON", "LUKAS", "MATIUS", "ELIAS",
            "OKTOVIANUS", "YOHANIS" };
    private static final String[] TIMUR_FEMALE = { "MARIA", "YULIANA", "AGUSTINA", "MARGARETHA", "KRISTINA", "FRANSISKA",
            "ELISABETH", "MAGDALENA", "SERLY", "YOHANA", "DORKAS", "MARTHA", "REGINA", "SOFIA", "ANGELINA", "VERONIKA", "SARA" };
    private static final String[] FAMILY_NTT = { "MANAFE", "NENOBAIS", "TEFA", "PELLO", "BRIA", "SERAN", "LAKE", "FANGGIDAE",
            "NDOLU", "HALLA", "TOLLA", "LOBO", "KOLO", "NAHAK", "AMALO", "BEREK" };
    private static final String[] FAMILY_SULUT = { "RUMENGAN", "LUMOWA", "SONDAKH", "WENAS", "TUMBELAKA", "PANGEMANAN",
            "MANOPO", "KAUNANG", "RUNTUWENE", "LAPIAN", "MAWUNTU", "SUMAMPOW" };
    private static final String[] FAMILY_MALUKU = { "PATTINAMA", "LATUMAHINA", "TUHUMURY", "LEIWAKABESSY", "SAHETAPY",
            "PATTIRUHU", "SOPLANTILA", "MAILOA", "LATUPEIRISSA", "TITALEY" };
    private static final String[] FAMILY_PAPUA = { "WENDA", "KOGOYA", "TABUNI", "WAKERKWA", "YIKWA", "MURIB", "RUMBIAK",
            "MANDOWEN", "KAFIAR", "WOMSIWOR", "IBO", "YOMAN", "MAYOR", "ANSANAY" };
    private static final String[] UMUM_MALE = { "MUHAMMAD", "AHMAD", "ABDUL", "RAHMAT", "HASAN", "RIDWAN", "YUSUF", "ISMAIL",
            "SYAIFUL", "ZULKIFLI", "IBRAHIM", "HAMZAH", "ARIFIN", "FIRMAN", "HERMANSYAH", "JAMALUDDIN", "KHAIRUL", "MUSLIM",
            "NASRUL", "RUSLAN", "SAIFUDDIN", "USMAN", "ALI", "DARMAWAN", "EFENDI", "FAISAL", "HUSAIN", "IRWAN", "MAHMUD",
            "RAHMAN" };
    private static final String[] UMUM_FEMALE = { "SITI", "NUR", "FATIMAH", "AISYAH", "RINA", "DEWI", "NURHAYATI", "ROSMALA",
            "HASNAH", "JUMIATI", "KHADIJAH", "MARLINA", "NURAINI", "RAHMAWATI", "SALMAH", "SYAMSIAH", "ZAINAB", "HALIMAH",
            "MASNIAR", "NURLELA", "RATNA", "YUSNIDAR", "ERNAWATI", "HERLINA" };
    private static final String[] UMUM_SECOND_MALE = { "FAUZI", "HIDAYAT", "SYAHPUTRA", "RAMADHAN", "SAPUTRA", "SALEH",
            "RASYID", "HAMID", "ABIDIN", "ANWAR", "YUSUF", "KARIM", "EFENDI", "HASIBUAN" };
    private static final String[] UMUM_SECOND_FEMALE = { "AMINAH", "ZAHARA", "WATI", "MAHMUDAH", "SARI", "JUWITA",
            "HAYATI", "RAHMAH", "ZUBAIDAH", "FITRIANI" };
    private static final String[] MODERN_MALE = { "MUHAMMAD RIZKY", "AHMAD FAUZAN", "ADITYA", "FAJAR", "BAGUS", "RIZKY", "DIMAS",
            "FARHAN", "NAUFAL", "RAFI", "ALIF", "ARYA", "GALIH", "ILHAM", "KEVIN", "RAIHAN", "REZA", "YOGA", "ZAKY", "DAFFA",
            "HAIKAL", "ANDIKA", "BIMA", "RANGGA", "SATRIA", "DAVA", "ARKAN", "KENZO", "ABRISAM", "AL FATIH" };
    private static final String[] MODERN_FEMALE = { "PUTRI", "DINDA", "NABILA", "AULIA", "ALYA", "ZAHRA", "KEISHA", "SALSABILA",
            "ANISA", "AYU", "CITRA", "INDAH", "NADIA", "RARA", "SYIFA", "TIARA", "VIVI", "WULAN", "YASMIN", "AZZAHRA", "KHANZA",
            "NAYLA", "ARSYILA", "QUEENSHA", "SHAFA", "ALESHA" };
    private static final String[] MODERN_SECOND_MALE = { "PRATAMA", "SAPUTRA", "RAMADHAN", "NUGRAHA", "PERMANA",
            "WIJAYA", "MAULANA", "HIDAYAT", "SYAHPUTRA", "ANANDA", "FIRMANSYAH", "ALFARIZI" };
    private static final String[] MODERN_SECOND_FEMALE = { "PUTRI", "AMELIA", "LESTARI", "KIRANA", "RAHMADANI",
            "NURHALIZA", "SAFITRI", "OKTAVIANI", "FEBRIANTI", "AZZAHRA", "RAMADHANI", "ANGGRAINI" };

    private Names() {
    }

    static Custom custom(int province) {
        return switch (province) {
            case 33, 34, 35 -> Custom.JAWA;
            case 32, 36 -> Custom.SUNDA;
            case 12 -> Custom.BATAK;
            case 51 -> Custom.BALI;
            case 53, 71, 81, 91, 92, 93, 94, 95, 96 -> Custom.TIMUR;
            default -> Custom.UMUM;
        };
    }

    /** A family name handed down to children where the custom has one (Batak marga, eastern family names), else null. */
    static String familyName(SplittableRandom r, Custom custom, int province) {
        return switch (custom) {
            case BATAK -> pick(r, MARGA);
            case TIMUR -> pick(r, switch (province) {
                case 53 -> FAMILY_NTT;
                case 71 -> FAMILY_SULUT;
                case 81 -> FAMILY_MALUKU;
                default -> FAMILY_PAPUA;
            });
            default -> null;
        };
    }

    /**
     * A full name. {@code family} is the family name the person carries (custom-dependent, may be null);
     * {@code order} the birth order among siblings (Balinese names), or -1 when unknown.
     */
    static String name(SplittableRandom r, Custom custom, boolean female, int birthYear, String family, int order) {
        boolean young = birthYear >= 1997 && r.nextInt(100) < 65;
        switch (custom) {
            case BALI -> {
                String[] orders = r.nextBoolean() ? BALI_ORDER : BALI_ORDER_ALT;
                String birthOrder = orders[order < 0 ? r.nextInt(4) : order % 4];
                String given = young ? pick(r, female ? MODERN_FEMALE : MODERN_MALE) : pick(r, female ? BALI_FEMALE : BALI_MALE);
                return (female ? "NI " : "I ") + birthOrder + " " + given;
            }
            case BATAK, TIMUR -> {
                String given = young && custom == Custom.BATAK && r.nextInt(100) < 50
                        ? pick(r, female ? MODERN_FEMALE : MODERN_MALE)
                        : pick(r, custom == Custom.BATAK ? (female ? BATAK_FEMALE : BATAK_MALE) : (female ? TIMUR_FEMALE : TIMUR_MALE));
                return family == null ? given : given + " " + family;
            }
            default -> {
                if (young) {
                    String given = pick(r, female ? MODERN_FEMALE : MODERN_MALE);
                    return given.indexOf(' ') > 0 || r.nextInt(100) < 25 ? given
                            : given + " " + pick(r, female ? MODERN_SECOND_FEMALE : MODERN_SECOND_MALE);
                }
                String[] first;
                String[] second;
                int single;
                switch (custom) {
                    case JAWA -> {
                        first = female ? JAWA_FEMALE : JAWA_MALE;
                        second = female ? JAWA_SECOND_FEMALE : JAWA_SECOND_MALE;
                        single = birthYear < 1970 ? 65 : 30;
                    }
                    case SUNDA -> {
                        first = female ? SUNDA_FEMALE : SUNDA_MALE;
                        second = female ? SUNDA_SECOND_FEMALE : SUNDA_SECOND_MALE;
                        single = birthYear < 1970 ? 45 : 25;
                    }
                    default -> {
                        first = female ? UMUM_FEMALE : UMUM_MALE;
                        second = female ? UMUM_SECOND_FEMALE : UMUM_SECOND_MALE;
                        single = 20;
                    }
                }
                String given = pick(r, first);
                return r.nextInt(100) < single ? given : given + " " + pick(r, second);
            }
        }
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
