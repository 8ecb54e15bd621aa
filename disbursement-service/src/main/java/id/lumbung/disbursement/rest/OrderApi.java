package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.Channel;
import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.domain.StatusReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API models of payment orders. */
public final class OrderApi {

    private OrderApi() {
    }

    static final String ORDER_STATUS = "Where the order stands: READY (waiting for the family to collect), PAID (final), "
            + "BLOCKED (stopped by a death or move before payment; never paid) or FAILED (not paid when collection closed)";

    /** An order in a list: identifiers and names masked. */
    @Schema(name = "OrderSummary", description = "A payment order (perintah bayar) in a list: one family of one plan; "
            + "NIK, KK number and name masked.")
    public record OrderSummary(
            @Schema(description = "The order's id", examples = "d6094ce7-97fd-4ecd-8b97-6f082d9934f0") UUID id,
            UUID planId, UUID householdId, String villageCode,
            @Schema(description = "The family's KK number, masked: the issuing district stays",
                    examples = "332006**********") String noKk,
            @Schema(description = "The recipient's NIK, masked: the district of first registration stays",
                    examples = "332006**********") String recipientNik,
            @Schema(description = "The recipient's name, masked: first and last letter of each word",
                    examples = "S**I A****H") String recipientName,
            Channel channel, long amount,
            @Schema(description = ORDER_STATUS, examples = "READY") OrderStatus status,
            StatusReason statusReason, Instant paidAt) {
    }

    @Schema(name = "FamilyMember", description = "A member of the family's KK as the beneficiary list gave it, for "
            + "matching a kuasa at the counter.")
    public record Member(String nik, String relationship,
            @Schema(description = "Whether the registry has since reported the member deceased or moved out of the KK; "
                    + "a departed member may not collect as kuasa", examples = "false") boolean departed) {
    }

    /** What the counter needs to match the KTP and KK against the order (read is audited). */
    @Schema(name = "OrderDetail", description = "A payment order with what the counter needs to match the KTP and KK "
            + "shown: the recipient, the KK and its members (unmasked; every read is audited), and the payment once made.")
    public record OrderDetail(
            @Schema(description = "The order's id", examples = "d6094ce7-97fd-4ecd-8b97-6f082d9934f0") UUID id,
            UUID planId, UUID householdId, String villageCode, String noKk, String recipientNik, String recipientName,
            Integer desil, boolean kksCard, Channel channel, long amount,
            @Schema(description = ORDER_STATUS, examples = "READY") OrderStatus status,
            StatusReason statusReason, Instant statusAt, Instant paidAt,
            @Schema(description = "The members of the family's KK, the recipient included") List<Member> members,
            @Schema(description = "The payment, once the order is PAID; absent otherwise") PaymentApi.PaymentView payment) {
    }

    @Schema(name = "OrderPage", description = "A page of payment orders, by village; identifiers and names masked")
    public record OrderPage(List<OrderSummary> items, int page, int size, long total) {
    }
}
