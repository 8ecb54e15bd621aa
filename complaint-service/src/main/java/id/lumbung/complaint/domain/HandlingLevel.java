package id.lumbung.complaint.domain;

import id.lumbung.platform.id.RegionCode;

/** Which team handles a case: the village operator, or the regency/city social office (Dinas Sosial). */
public enum HandlingLevel {
    VILLAGE(RegionCode.Level.VILLAGE, "desa"),
    REGENCY(RegionCode.Level.REGENCY, "dinsos");

    private final RegionCode.Level regionLevel;
    private final String teamPrefix;

    HandlingLevel(RegionCode.Level regionLevel, String teamPrefix) {
        this.regionLevel = regionLevel;
        this.teamPrefix = teamPrefix;
    }

    /** The region the responsible team covers for a case in {@code village}. */
    public RegionCode region(RegionCode village) {
        return village.at(regionLevel);
    }

    /** The team's name, e.g. {@code desa-33.20.01.2001} or {@code dinsos-33.20}. */
    public String team(RegionCode village) {
        return teamPrefix + "-" + region(village).value();
    }

    /** The next level up, or this one when there is none. */
    public HandlingLevel next() {
        return this == VILLAGE ? REGENCY : REGENCY;
    }
}
