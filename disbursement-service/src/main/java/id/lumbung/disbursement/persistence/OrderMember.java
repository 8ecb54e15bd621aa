package id.lumbung.disbursement.persistence;

/** A KK member as the beneficiary list names it. */
public record OrderMember(String nik, String relationship) {
}
