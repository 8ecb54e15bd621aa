package id.lumbung.disbursement.domain;

/** Why the village social worker put a family on the door-to-door round. */
public enum DoorToDoorReason {
    ELDERLY, DISABLED, SICK, REMOTE
}
