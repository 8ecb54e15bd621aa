package id.lumbung.disbursement.domain;

/** Why something may not happen: a stable code for machines and a sentence for the officer. */
public record Refusal(String code, String message) {
}
