package id.lumbung.eligibility.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A decided complaint that bears on eligibility. {@code TOLAK}: the family declines the program (every program
 * when {@code programCode} is empty) from {@code fromPeriod} on. {@code SANGGAH}: an objection against the family
 * was upheld on the registry data of {@code registryVersion}; once the registry sends newer data the finding no
 * longer holds (the data it was made on has changed and is decided afresh).
 */
public record ComplaintFinding(Kind kind, Optional<String> programCode, Optional<ProgramPeriod> fromPeriod,
        Optional<Long> registryVersion) {

    public enum Kind {
        TOLAK, SANGGAH
    }

    public ComplaintFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(programCode, "programCode");
        Objects.requireNonNull(fromPeriod, "fromPeriod");
        Objects.requireNonNull(registryVersion, "registryVersion");
        if (kind == Kind.TOLAK && fromPeriod.isEmpty()) {
            throw new IllegalArgumentException("a tolak starts in a period");
        }
    }

    public static ComplaintFinding tolak(String programCode, ProgramPeriod fromPeriod) {
        return new ComplaintFinding(Kind.TOLAK, Optional.ofNullable(programCode), Optional.of(fromPeriod), Optional.empty());
    }

    public static ComplaintFinding sanggah(String programCode, Long registryVersion) {
        return new ComplaintFinding(Kind.SANGGAH, Optional.ofNullable(programCode), Optional.empty(),
                Optional.ofNullable(registryVersion));
    }

    /** Whether the finding bears on {@code programCode} in {@code period} for the household at {@code registryVersion}. */
    public boolean holds(String program, ProgramPeriod period, long householdVersion) {
        if (programCode.isPresent() && !programCode.get().equals(program)) {
            return false;
        }
        return switch (kind) {
            case TOLAK -> period.compareTo(fromPeriod.orElseThrow()) >= 0;
            case SANGGAH -> registryVersion.map(v -> householdVersion <= v).orElse(false);
        };
    }
}
