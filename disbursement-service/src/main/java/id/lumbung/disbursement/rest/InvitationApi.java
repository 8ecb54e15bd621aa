package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.PayPointKind;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of invitations (undangan). */
public final class InvitationApi {

    private InvitationApi() {
    }

    /** An invitation: where and when to collect, what to bring, and the code the counter scans. */
    @Schema(name = "Invitation", description = "An invitation (undangan): where and when the family collects, what it "
            + "brings, and the code the counter scans. Name and NIK masked.")
    public record Invitation(UUID orderId, UUID planId, String programCode, String period, UUID householdId,
            String villageCode,
            @Schema(description = "The recipient's name, masked: first and last letter of each word",
                    examples = "S**I A****H") String recipientName,
            @Schema(description = "The recipient's NIK, masked: the district of first registration stays",
                    examples = "332006**********") String recipientNik,
            long amount,
            @Schema(description = "The invitation code printed on the undangan and in its QR code: 128 random bits in "
                    + "base32, 26 characters A-Z and 2-7; issued once per order and never changed",
                    examples = "7OPAC3OZGYFTYLIJMZEAIWZ2J4") String code,
            @Schema(description = "The day to collect (WIB)", examples = "2025-11-25") LocalDate date,
            @Schema(description = "The hour to come (WIB); the day's families are spread over the opening hours",
                    examples = "10:00:00") LocalTime time,
            String payPointCode, String payPointName, PayPointKind payPointKind, boolean doorToDoor,
            @Schema(description = "What to bring, as printed (in Indonesian)", examples = "[\"Undangan ini\", "
                    + "\"e-KTP penerima dan/atau Kartu Keluarga (KK) asli\", \"Kuasa (anggota KK yang sama) wajib membawa "
                    + "KK asli dan e-KTP kuasa\"]") List<String> documents) {
    }
}
