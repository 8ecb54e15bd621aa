package id.lumbung.disbursement.rest;

import id.lumbung.disbursement.domain.Channel;
import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.domain.StatusReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The API models of payment orders. */
public final class OrderApi {

    private OrderApi() {
    }

    /** An order in a list: identifiers and names masked. */
    public record OrderSummary(UUID id, UUID planId, UUID householdId, String villageCode, String noKk,
            String recipientNik, String recipientName, Channel channel, long amount, OrderStatus status,
            StatusReason statusReason, Instant paidAt) {
    }

    public record Member(String nik, String relationship, boolean departed) {
    }

    /** What the counter needs to match the KTP and KK against the order (read is audited). */
    public record OrderDetail(UUID id, UUID planId, UUID householdId, String villageCode, String noKk,
            String recipientNik, String recipientName, Integer desil, boolean kksCard, Channel channel, long amount,
            OrderStatus status, StatusReason statusReason, Instant statusAt, Instant paidAt, List<Member> members,
            PaymentApi.PaymentView payment) {
    }
}
