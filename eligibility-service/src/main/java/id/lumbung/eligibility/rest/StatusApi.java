package id.lumbung.eligibility.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public status check (Cek Bansos): its request and its one answer shape, found or not. */
public final class StatusApi {

    private StatusApi() {
    }

    static final String CHALLENGE_EXAMPLE = "5d1d360a-ed65-4318-afd8-9f4c1f0f0fb6.r9vROlpMYyFLa404NgcaEg.18.1764318120."
            + "Y53XP6YFsXb4KmkyQUEKGCbBUgph5EDdqniYiUPDRhE";

    @Schema(name = "StatusChallenge", description = "A proof-of-work challenge: find a solution such that "
            + "SHA-256(nonce + solution), the UTF-8 bytes of the two strings joined, starts with `difficulty` zero bits; "
            + "send it back with `challenge` before `expiresAt`. One challenge buys one lookup.")
    public record Challenge(
            @Schema(example = CHALLENGE_EXAMPLE) String challenge,
            String nonce, int difficulty,
            @Schema(description = "When the challenge expires; ask for a new one after", example = "2025-11-28T08:22:00Z")
            Instant expiresAt,
            @Schema(description = "The work asked for, in words", example = "SHA-256(nonce + solution) starts with "
                    + "difficulty zero bits") String algorithm) {
    }

    /**
     * A lookup. The status check checks these fields itself, before it spends the challenge; the schema states the
     * same bounds.
     */
    @Schema(name = "StatusCheckRequest", description = "A lookup: a solved challenge, and either `nik`, or `fullName` (as "
            + "on the KTP) with `villageCode`.")
    public record StatusRequest(
            @Schema(required = true, maxLength = 200, example = CHALLENGE_EXAMPLE) String challenge,
            @Schema(description = "Text such that SHA-256(nonce + solution) starts with difficulty zero bits",
                    required = true, minLength = 1, maxLength = 64, example = "111322") String solution,
            @Schema(description = "NIK of any member of the family (16 digits); leave out to look up by name",
                    pattern = "\\d{16}", maxLength = 16, example = "3320064107850001") String nik,
            @Schema(description = "Full name as on the KTP, letter case and spaces aside; with villageCode, instead of nik",
                    maxLength = 100, example = "Siti Aminah") String fullName,
            @Schema(description = "Village (desa/kelurahan) code of the family's KK; with fullName",
                    pattern = "\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}", maxLength = 13, example = "33.20.06.1001") String villageCode) {
    }

    @Schema(name = "StatusCheckAnswer", description = "The answer, in the same shape whether or not the person was found. "
            + "`status` is DITEMUKAN or TIDAK_DITEMUKAN; the name is masked; `desil` is e.g. \"Desil 3\" or \"belum ada desil\".")
    public record StatusAnswer(
            @Schema(description = "DITEMUKAN (found) or TIDAK_DITEMUKAN (not found)",
                    enumeration = { "DITEMUKAN", "TIDAK_DITEMUKAN" }, example = "DITEMUKAN") String status,
            @Schema(description = "The person's name, masked: first and last letter of each word; null when not found",
                    example = "S**I A****H") String name,
            @Schema(description = "The family's desil in words; null when not found",
                    example = "Desil 3") String desil,
            @Schema(description = "The DTSEN quarter the desil comes from; null without a desil", example = "2025-Q4")
            String dtsenPeriod,
            @Schema(description = "Per program period, what the family receives; empty when not found")
            List<ProgramStatus> programs,
            @Schema(description = "A plain-language note in Indonesian", example = "Data ditemukan. Status per program dan "
                    + "periode tercantum di bawah.") String note,
            @Schema(description = "When the check was answered") Instant checkedAt) {
    }

    @Schema(name = "StatusCheckProgram", description = "One program period: status TERDAFTAR (on a frozen beneficiary "
            + "list), MEMENUHI_SYARAT, TIDAK_MEMENUHI_SYARAT or DIBAYAR, with a plain-language note; the payment status "
            + "when reported.")
    public record ProgramStatus(String programCode,
            @Schema(description = "Program name", example = "BLTS Kesra 2025") String programName,
            String period,
            @Schema(description = "DIBAYAR (paid), TERDAFTAR (on a finalized beneficiary list), MEMENUHI_SYARAT (eligible, "
                    + "not listed yet) or TIDAK_MEMENUHI_SYARAT (not eligible)",
                    enumeration = { "DIBAYAR", "TERDAFTAR", "MEMENUHI_SYARAT", "TIDAK_MEMENUHI_SYARAT" },
                    example = "TERDAFTAR") String status,
            @Schema(description = "What the status means for the family, in Indonesian; for TIDAK_MEMENUHI_SYARAT the "
                    + "reasons, naming a status and never a family member",
                    example = "Terdaftar sebagai penerima periode 2025-Q4; menunggu penyaluran.") String note,
            @Schema(description = "The payment status the disbursement service reported; null before any report",
                    enumeration = { "PAID", "BLOCKED", "FAILED" }, example = "PAID") String paymentStatus,
            @Schema(description = "When the payment status was reported; null without one") Instant paymentAt) {
    }
}
