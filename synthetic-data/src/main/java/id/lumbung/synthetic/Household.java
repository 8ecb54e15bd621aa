package id.lumbung.synthetic;

import java.util.ArrayList;
import java.util.List;

/** One family card with its socio-economic part and members, as the extract writes it. */
final class Household {

    static final String[] ASSETS = { "TV", "KULKAS", "SEPEDA_MOTOR", "MOBIL", "AC", "LAPTOP", "EMAS", "SMARTPHONE" };
    static final String[] LIVESTOCK = { "SAPI", "KERBAU", "KAMBING", "BABI", "AYAM", "BEBEK" };

    String noKk;
    Regions.Village village;
    String villageCode;
    String address;
    String rt;
    String rw;
    String housingTenure;
    /** Floor and land area in tenths of a square metre; land -1 when not recorded. */
    int floorTenths;
    int landTenths = -1;
    String floorType;
    String wallType;
    String roofType;
    String waterSource;
    String toilet;
    int electricityVa;
    int assets;
    final int[] livestock = new int[LIVESTOCK.length];
    long monthlyIncome;
    boolean kksCard;
    /** 1..10, or 0 for "no desil yet". */
    int desil;
    String desilPeriod;
    final List<Member> members = new ArrayList<>(10);
    /** Not written: the naming custom and the family name children get, for members added later. */
    Names.Custom custom;
    String familyName;
    /** Not written: the desil the socio-economic attributes follow (the real one, or a draw when there is none). */
    int latentDesil;

    // bad-row overrides
    String incomeText;
    String kksText;
    String livestockText;
    /** Members are left out of the file (a card without members). */
    boolean withoutMembers;
    /** Written with an unquoted comma in the address, so the row has one field too many. */
    boolean malformed;

    Household copy() {
        var h = new Household();
        h.noKk = noKk;
        h.village = village;
        h.villageCode = villageCode;
        h.address = address;
        h.rt = rt;
        h.rw = rw;
        h.housingTenure = housingTenure;
        h.floorTenths = floorTenths;
        h.landTenths = landTenths;
        h.floorType = floorType;
        h.wallType = wallType;
        h.roofType = roofType;
        h.waterSource = waterSource;
        h.toilet = toilet;
        h.electricityVa = electricityVa;
        h.assets = assets;
        System.arraycopy(livestock, 0, h.livestock, 0, livestock.length);
        h.monthlyIncome = monthlyIncome;
        h.kksCard = kksCard;
        h.desil = desil;
        h.desilPeriod = desilPeriod;
        h.custom = custom;
        h.familyName = familyName;
        h.latentDesil = latentDesil;
        for (Member m : members) {
            h.members.add(m.copy());
        }
        h.incomeText = incomeText;
        h.kksText = kksText;
        h.livestockText = livestockText;
        h.withoutMembers = withoutMembers;
        h.malformed = malformed;
        return h;
    }

    String assetsCell() {
        var b = new StringBuilder();
        for (int i = 0; i < ASSETS.length; i++) {
            if ((assets & (1 << i)) != 0) {
                if (!b.isEmpty()) {
                    b.append(';');
                }
                b.append(ASSETS[i]);
            }
        }
        return b.toString();
    }

    String livestockCell() {
        if (livestockText != null) {
            return livestockText;
        }
        var b = new StringBuilder();
        for (int i = 0; i < LIVESTOCK.length; i++) {
            if (livestock[i] > 0) {
                if (!b.isEmpty()) {
                    b.append(';');
                }
                b.append(LIVESTOCK[i]).append('=').append(livestock[i]);
            }
        }
        return b.toString();
    }

    String incomeCell() {
        return incomeText != null ? incomeText : Long.toString(monthlyIncome);
    }

    String kksCell() {
        return kksText != null ? kksText : kksCard ? "true" : "false";
    }

    static String tenths(int tenths) {
        return tenths / 10 + "." + tenths % 10;
    }

    /** Members that count for the rules: alive and still here. */
    long present() {
        return members.stream().filter(Member::alive).count();
    }
}
