package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.PayPointKind;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** The API models of invitations (undangan). */
public final class InvitationApi {

    private InvitationApi() {
    }

    /** An invitation: where and when to collect, what to bring, and the code the counter scans. */
    public record Invitation(UUID orderId, UUID planId, String programCode, String period, UUID householdId,
            String villageCode, String recipientName, String recipientNik, long amount, String code, LocalDate date,
            LocalTime time, String payPointCode, String payPointName, PayPointKind payPointKind, boolean doorToDoor,
            List<String> documents) {
    }
}
