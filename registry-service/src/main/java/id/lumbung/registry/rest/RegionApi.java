package id.lumbung.registry.rest;

/** A Kemendagri region as the API shows it. */
public record RegionApi(String code, String name, String level, String parentCode) {
}
