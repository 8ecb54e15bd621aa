package id.lumbung.eligibility.service;

import id.lumbung.eligibility.domain.Household;
import id.lumbung.eligibility.domain.HouseholdStatus;
import id.lumbung.eligibility.domain.LifeStatus;
import id.lumbung.eligibility.domain.Member;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Households built in Java for tests that project them straight through {@link HouseholdProjector}. */
public final class Projected {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    private Projected() {
    }

    public static final class Builder {
        final UUID id = UUID.randomUUID();
        final String village;
        Integer desil;
        long version;
        final List<Member> members = new ArrayList<>();

        final String kk;

        Builder(String village, Integer desil) {
            this.village = village;
            this.kk = village.replace(".", "").substring(0, 6) + "%010d".formatted(SERIAL.incrementAndGet());
            this.desil = desil;
        }

        public Builder member(String name, String relationship, LocalDate born, LifeStatus life, String... employment) {
            String nik = village.replace(".", "").substring(0, 6) + "%010d".formatted(SERIAL.incrementAndGet());
            members.add(new Member(nik, name, "MALE", born, relationship, null, Set.of(employment), life, null));
            return this;
        }

        public Builder head(String name) {
            return member(name, "KEPALA_KELUARGA", LocalDate.of(1980, 5, 5), LifeStatus.ALIVE);
        }

        public Builder wife(String name) {
            return member(name, "ISTRI", LocalDate.of(1982, 6, 6), LifeStatus.ALIVE);
        }

        public Builder child(String name, LocalDate born) {
            return member(name, "ANAK", born, LifeStatus.ALIVE);
        }

        public Household household() {
            return new Household(id, kk, village, desil, desil == null ? null : "2025-Q4", HouseholdStatus.ACTIVE, version,
                    true, 500_000L, members);
        }

        /** The next registry version with another desil. */
        public Household changed(int newDesil) {
            desil = newDesil;
            version++;
            return household();
        }

        public UUID id() {
            return id;
        }

        public Member memberAt(int i) {
            return members.get(i);
        }
    }

    public static Builder in(String village, Integer desil) {
        return new Builder(village, desil);
    }

    public static Household project(HouseholdProjector projector, Household h) {
        projector.project(h, SyntheticHouseholds.membersJson(h));
        return h;
    }
}
