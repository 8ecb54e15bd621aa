package id.lumbung.complaint.domain;

/** A rule a submission breaks, on the field a caller would correct. */
public record Violation(String field, String message) {
}
