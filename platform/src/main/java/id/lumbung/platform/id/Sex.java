package id.lumbung.platform.id;

/** Sex as recorded on the KTP and encoded in the NIK. */
public enum Sex {
    MALE,
    FEMALE
}
