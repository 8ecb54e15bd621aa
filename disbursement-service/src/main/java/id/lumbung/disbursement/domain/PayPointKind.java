package id.lumbung.disbursement.domain;

/** Where PT Pos hands out the money. */
public enum PayPointKind {
    /** A post-office counter (kantor pos), open from the first counter day. */
    POST_OFFICE,
    /** A community point: village hall (balai desa) or district pendopo, open on the community days. */
    COMMUNITY_POINT,
    /** A door-to-door round for families who cannot come: elderly, disabled, sick or remote. */
    DOOR_TO_DOOR
}
