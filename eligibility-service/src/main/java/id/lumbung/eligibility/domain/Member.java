package id.lumbung.eligibility.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Set;

/**
 * A member of a household as the registry announced it. {@code employment} holds the registry's fact
 * names as sent, so a fact this service does not know yet is kept rather than lost.
 */
public record Member(String nik, String fullName, String sex, LocalDate birthDate, String relationship,
        String disability, Set<String> employment, LifeStatus lifeStatus, LocalDate deathDate) {

    public Member {
        Objects.requireNonNull(nik, "nik");
        Objects.requireNonNull(lifeStatus, "lifeStatus");
        employment = employment == null ? Set.of() : Set.copyOf(employment);
    }

    /** Deceased and moved-away persons do not count as members for any rule. */
    public boolean counts() {
        return lifeStatus == LifeStatus.ALIVE;
    }

    /** Completed years on {@code date}; empty when the birth date is unknown. */
    public java.util.OptionalInt ageOn(LocalDate date) {
        if (birthDate == null || birthDate.isAfter(date)) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(Period.between(birthDate, date).getYears());
    }

    public boolean hasDisability() {
        return disability != null && !disability.isBlank();
    }

    public boolean has(EmploymentFact fact) {
        return employment.contains(fact.name());
    }
}
