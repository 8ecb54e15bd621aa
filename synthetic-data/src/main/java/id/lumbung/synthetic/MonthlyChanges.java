package id.lumbung.synthetic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a month changes in a family, as the next extract shows it: the family moves to another village
 * (same No. KK), a member dies or leaves, a baby is born, the desil is re-ranked (or given for the first
 * time). A changed family is written whole, so the registry can take each card as authoritative.
 */
final class MonthlyChanges {

    /** One change, for the changes file: what, which card, which person (or empty), the new value. */
    record Change(String change, String noKk, String nik, String value) {
    }

    static final String VILLAGE_MOVE = "VILLAGE_MOVE";
    static final String DEATH = "DEATH";
    static final String DEPARTURE = "DEPARTURE";
    static final String BIRTH = "BIRTH";
    static final String DESIL = "DESIL";

    private final FamilyFactory factory;
    private final Regions regions;
    private final LocalDate reference;
    private final LocalDate date;
    private final String period;
    private final int days;

    MonthlyChanges(FamilyFactory factory, Regions regions, LocalDate reference, LocalDate date, String period) {
        this.factory = factory;
        this.regions = regions;
        this.reference = reference;
        this.date = date;
        this.period = period;
        this.days = (int) ChronoUnit.DAYS.between(reference, date);
    }

    LocalDate date() {
        return date;
    }

    String period() {
        return period;
    }

    /** The family as the month leaves it, or null when nothing changed; the changes are added to {@code out}. */
    Household apply(SplittableRandom r, Household base, List<Change> out) {
        Household u = null;
        if (r.nextInt(10_000) < 100) {
            var village = otherVillage(r, base.village);
            if (village != null) {
                u = base.copy();
                u.village = village;
                u.villageCode = village.code();
                factory.place(r, u, village);
                out.add(new Change(VILLAGE_MOVE, u.noKk, "", village.code()));
            }
        }
        for (int i = 1; i < base.members.size(); i++) {
            var m = base.members.get(i);
            if (!m.alive()) {
                continue;
            }
            int age = m.age(date);
            int x = r.nextInt(10_000);
            int death = age >= 75 ? 150 : age >= 60 ? 50 : 3;
            int leave = age >= 18 && age <= 35 ? 80 : 0;
            if (x < death + leave) {
                u = u == null ? base.copy() : u;
                var changed = u.members.get(i);
                if (x < death) {
                    changed.lifeStatus = "DECEASED";
                    changed.deathDate = reference.plusDays(1 + r.nextInt(days));
                    out.add(new Change(DEATH, u.noKk, changed.nik, changed.deathDate.toString()));
                } else {
                    changed.lifeStatus = "MOVED";
                    out.add(new Change(DEPARTURE, u.noKk, changed.nik, ""));
                }
            }
        }
        if (r.nextInt(10_000) < 150 && hasMother(u == null ? base : u)) {
            u = u == null ? base.copy() : u;
            var baby = factory.baby(r, u, reference.plusDays(1 + r.nextInt(days)));
            u.members.add(baby);
            out.add(new Change(BIRTH, u.noKk, baby.nik, baby.birthDate.toString()));
        }
        if (base.desil > 0 ? r.nextInt(1000) < 25 : r.nextInt(100) < 20) {
            u = u == null ? base.copy() : u;
            int desil;
            if (base.desil == 0) {
                // ranked for the first time: the desil its circumstances already showed
                desil = base.latentDesil;
            } else {
                int step = r.nextInt(100) < 80 ? 1 : 2;
                desil = base.desil + (r.nextBoolean() ? step : -step);
                if (desil < 1 || desil > 10) {
                    desil = base.desil + (desil < 1 ? step : -step);
                }
                u.monthlyIncome = FamilyFactory.income(r, desil, Math.max(1, (int) u.present()));
            }
            u.desil = desil;
            u.latentDesil = desil;
            u.desilPeriod = period;
            out.add(new Change(DESIL, u.noKk, "", Integer.toString(desil)));
        }
        return u;
    }

    /** A woman of 18–44 with her husband on the card, alive and at home. */
    private boolean hasMother(Household h) {
        boolean husband = h.members.stream().anyMatch(m -> m.alive() && !m.female
                && (m.relationship.equals("SUAMI") || m.relationship.equals("KEPALA_KELUARGA")));
        if (!husband) {
            return false;
        }
        for (Member m : h.members) {
            if (m.female && m.alive() && (m.relationship.equals("ISTRI") || m.relationship.equals("KEPALA_KELUARGA"))) {
                int age = m.age(date);
                return age >= 18 && age <= 44;
            }
        }
        return false;
    }

    /** Mostly a village of the same district, else anywhere the extract covers; null when there is no other. */
    private Regions.Village otherVillage(SplittableRandom r, Regions.Village from) {
        var villages = regions.villages();
        int[] range = regions.villageRange(from.district());
        if (range != null && range[1] - range[0] > 1 && r.nextInt(100) < 60) {
            int i = range[0] + r.nextInt(range[1] - range[0] - 1);
            var v = villages.get(i);
            return v.code().equals(from.code()) ? villages.get(range[1] - 1) : v;
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            var v = factory.village(r);
            if (!v.code().equals(from.code())) {
                return v;
            }
        }
        return null;
    }
}
