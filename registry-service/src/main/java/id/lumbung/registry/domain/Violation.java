package id.lumbung.registry.domain;

/** A rule a proposed record breaks: where, a stable code, and a sentence a data operator understands. */
public record Violation(String field, String code, String message) {
}
