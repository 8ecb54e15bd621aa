package id.lumbung.eligibility.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public status check (Cek Bansos): its request and its one answer shape, found or not. */
public final class StatusApi {

    private StatusApi() {
    }

    @Schema(description = "A proof-of-work challenge: find a solution such that SHA-256(nonce + solution), the UTF-8 "
            + "bytes of the two strings joined, starts with `difficulty` zero bits; send it back with `challenge` "
            + "before `expiresAt`. One challenge buys one lookup.")
    public record Challenge(String challenge, String nonce, int difficulty, Instant expiresAt, String algorithm) {
    }

    @Schema(description = "A lookup: a solved challenge, and either `nik`, or `fullName` (as on the KTP) with `villageCode`.")
    public record StatusRequest(String challenge, String solution, String nik, String fullName, String villageCode) {
    }

    @Schema(description = "The answer, in the same shape whether or not the person was found. `status` is DITEMUKAN "
            + "or TIDAK_DITEMUKAN; the name is masked; `desil` is e.g. \"Desil 3\" or \"belum ada desil\".")
    public record StatusAnswer(String status, String name, String desil, String dtsenPeriod, List<ProgramStatus> programs,
            String note, Instant checkedAt) {
    }

    @Schema(description = "One program period: status TERDAFTAR (on a frozen beneficiary list), MEMENUHI_SYARAT, "
            + "TIDAK_MEMENUHI_SYARAT or DIBAYAR, with a plain-language note; the payment status when reported.")
    public record ProgramStatus(String programCode, String programName, String period, String status, String note,
            String paymentStatus, Instant paymentAt) {
    }
}
