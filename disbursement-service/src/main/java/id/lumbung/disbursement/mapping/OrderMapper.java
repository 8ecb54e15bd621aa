package id.lumbung.disbursement.mapping;

import id.lumbung.disbursement.domain.Channel;
import id.lumbung.disbursement.domain.PresenterRole;
import id.lumbung.disbursement.persistence.PaymentEntity;
import id.lumbung.disbursement.persistence.PaymentOrderEntity;
import id.lumbung.disbursement.persistence.PlanEntity;
import id.lumbung.disbursement.rest.OrderApi;
import id.lumbung.disbursement.rest.PaymentApi;
import id.lumbung.disbursement.rest.PlanApi;
import id.lumbung.platform.id.Masking;

/** Entities to API models; masking happens here and nowhere else. */
public final class OrderMapper {

    private OrderMapper() {
    }

    public static PlanApi.PlanSummary summary(PlanEntity p) {
        return new PlanApi.PlanSummary(p.id, p.listId, p.programCode, p.period, p.regionCode, p.amountPerMonth,
                p.months, p.lumpSum, p.amountPerFamily, p.totalBeneficiaries, p.plannedTotal, p.status, p.chunkCount,
                p.createdAt, p.completedAt);
    }

    public static OrderApi.OrderSummary summary(PaymentOrderEntity o) {
        return new OrderApi.OrderSummary(o.id, o.planId, o.householdId, o.villageCode, Masking.nik(o.noKk),
                Masking.nik(o.recipientNik), Masking.name(o.recipientName), Channel.valueOf(o.channel), o.amount,
                o.status, o.statusReason, o.paidAt);
    }

    public static OrderApi.OrderDetail detail(PaymentOrderEntity o, PaymentEntity payment) {
        var departed = new java.util.HashSet<>(java.util.Arrays.asList(o.departedNiks));
        var members = o.members.stream()
                .map(m -> new OrderApi.Member(m.nik(), m.relationship(), departed.contains(m.nik()))).toList();
        return new OrderApi.OrderDetail(o.id, o.planId, o.householdId, o.villageCode, o.noKk, o.recipientNik,
                o.recipientName, o.desil == null ? null : o.desil.intValue(), o.kksCard, Channel.valueOf(o.channel),
                o.amount, o.status, o.statusReason, o.statusAt, o.paidAt, members,
                payment == null ? null : payment(payment, o));
    }

    public static PaymentApi.PaymentView payment(PaymentEntity p, PaymentOrderEntity o) {
        return new PaymentApi.PaymentView(p.id, p.orderId, o.planId, p.amount, Masking.nik(p.presenterNik),
                PresenterRole.valueOf(p.presenterRole), p.officer, p.payPointCode, p.paidAt, p.latitude, p.longitude,
                p.photoSha256);
    }
}
