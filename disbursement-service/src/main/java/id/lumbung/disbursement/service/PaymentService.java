package id.lumbung.disbursement.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.disbursement.domain.InvitationCode;
import id.lumbung.disbursement.domain.PresenterCheck;
import id.lumbung.disbursement.domain.PresenterRole;
import id.lumbung.disbursement.domain.Refusal;
import id.lumbung.disbursement.events.PaymentEvents;
import id.lumbung.disbursement.mapping.OrderMapper;
import id.lumbung.disbursement.persistence.OrderMember;
import id.lumbung.disbursement.persistence.PayPointEntity;
import id.lumbung.disbursement.persistence.PaymentEntity;
import id.lumbung.disbursement.persistence.PaymentOrderEntity;
import id.lumbung.disbursement.persistence.PaymentRequestEntity;
import id.lumbung.disbursement.persistence.PlanEntity;
import id.lumbung.disbursement.rest.PaymentApi;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Records a payment at the counter, exactly once per order. Requests with the same idempotency key are
 * serialised on the key and answered from the first answer; requests for the same order are serialised
 * on the order's row; the database's unique order id on {@code payment} is the last guard.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    /** The answer to a recording request: its HTTP status and the exact body given. */
    public record Recorded(int status, String body, boolean replayed) {
    }

    private final EntityManager em;
    private final PaymentEvents events;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final Counter paid;
    private final Counter repeated;

    public PaymentService(EntityManager em, PaymentEvents events, AuditLog audit, ObjectMapper json, Clock clock,
            MeterRegistry metrics) {
        this.paid = payments(metrics, "paid");
        this.repeated = payments(metrics, "repeated");
        this.em = em;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(PaymentApi.RecordPayment in, String idempotencyKey, String officer, RegionScope scope) {
        if (in.orderId() == null && (in.invitationCode() == null || in.invitationCode().isBlank())) {
            throw ProblemException.invalid("orderId", "name the order: orderId or the invitationCode scanned from the undangan");
        }
        String code = null;
        if (in.invitationCode() != null && !in.invitationCode().isBlank()) {
            code = InvitationCode.normalise(in.invitationCode()).orElseThrow(() -> ProblemException.invalid(
                    "invitationCode", "an invitation code is 26 characters of A-Z and 2-7"));
        }
        if (in.presenterRole() == PresenterRole.KUASA && (in.noKk() == null || in.noKk().isBlank())) {
            throw ProblemException.invalid("noKk", "a kuasa must show the family's KK: noKk is required");
        }
        String hash = requestHash(in, code, officer);

        // Same key: wait for whoever holds it, then answer as they were answered.
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) held")
                .setParameter(1, "payment-request:" + idempotencyKey).getSingleResult();
        PaymentRequestEntity previous = PaymentRequestEntity.findById(idempotencyKey);
        if (previous != null) {
            if (!previous.requestHash.equals(hash)) {
                throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                        "this Idempotency-Key was already used for a different payment request; use a new key",
                        Map.of("orderId", previous.orderId.toString()));
            }
            repeated.increment();
            return new Recorded(200, previous.responseBody, true);
        }

        UUID orderId = code == null ? in.orderId() : invited(code, in.orderId());
        // Same order, another key: wait on the order's row, then see it as the winner left it.
        var order = em.find(PaymentOrderEntity.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw ProblemException.notFound("payment order", orderId);
        }
        scope.require(RegionCode.of(order.villageCode));
        var lifecycle = order.lifecycle();
        var refusal = lifecycle.refusalToPay();
        if (refusal.isPresent()) {
            throw notPayable(order, refusal.get());
        }
        requirePayPointFor(order, in.payPointCode().strip());
        if (in.amount() != null && in.amount() != order.amount) {
            throw new ProblemException(422, "amount-mismatch", "Amount does not match the order",
                    "the order pays Rp" + order.amount + "; the amount is set by the plan, not at the counter",
                    Map.of("orderAmount", order.amount));
        }
        var entitled = new PresenterCheck.Entitled(order.recipientNik, order.noKk,
                order.members.stream().map(OrderMember::nik).collect(Collectors.toSet()), new java.util.HashSet<>(List.of(order.departedNiks)));
        var presenterRefusal = PresenterCheck.check(entitled,
                new PresenterCheck.Presenter(in.presenterNik(), in.presenterRole(), in.noKk()));
        if (presenterRefusal.isPresent()) {
            LOG.infof("order %s: presenter %s refused (%s) by %s", order.id, Masking.nik(in.presenterNik()),
                    presenterRefusal.get().code(), officer);
            throw new ProblemException(422, "presenter-refused", "Presenter may not collect this order",
                    presenterRefusal.get().message(), Map.of("reason", presenterRefusal.get().code()));
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        lifecycle.pay(now);
        order.apply(lifecycle);
        var payment = new PaymentEntity();
        payment.id = UUID.randomUUID();
        payment.orderId = order.id;
        payment.amount = order.amount;
        payment.presenterNik = in.presenterNik();
        payment.presenterRole = in.presenterRole().name();
        payment.presenterNoKk = in.presenterRole() == PresenterRole.KUASA ? in.noKk() : null;
        payment.officer = officer;
        payment.payPointCode = in.payPointCode().strip();
        payment.paidAt = now;
        payment.latitude = coordinate(in.latitude());
        payment.longitude = coordinate(in.longitude());
        payment.photoSha256 = in.photoSha256().toLowerCase(Locale.ROOT);
        payment.idempotencyKey = idempotencyKey;
        payment.persist();
        try {
            em.flush();
        } catch (PersistenceException e) {
            // the row lock makes this unreachable; if it ever is reached, the database kept its promise
            throw ProblemException.conflict("payment order " + order.id + " was paid by a concurrent request");
        }

        String body = body(OrderMapper.payment(payment, order));
        var request = new PaymentRequestEntity();
        request.idempotencyKey = idempotencyKey;
        request.requestHash = hash;
        request.orderId = order.id;
        request.paymentId = payment.id;
        request.responseStatus = 201;
        request.responseBody = body;
        request.createdAt = now;
        request.persist();

        PlanEntity plan = PlanEntity.findById(order.planId);
        events.published(PaymentEvents.PAYMENT_RECORDED, order, plan, now);
        audit.record("PAY", "payment-order", order.id.toString(), "payment " + payment.id + " at " + payment.payPointCode);
        LOG.infof("order %s paid Rp%d to %s %s at %s by %s", order.id, order.amount, payment.presenterRole,
                Masking.nik(payment.presenterNik), payment.payPointCode, officer);
        paid.increment();
        return new Recorded(201, body, false);
    }

    /** Payment requests by outcome; refused ones are counted as problems, by their type. */
    private static Counter payments(MeterRegistry metrics, String outcome) {
        return Counter.builder("lumbung.payments")
                .description("payment requests at the counter: paid now, or a repeat answered from the first answer")
                .tag("outcome", outcome).register(metrics);
    }

    /**
     * The order an invitation code stands for. A code we never issued is forged (or mistyped); it tells the
     * caller nothing about any order.
     */
    private UUID invited(String code, UUID namedOrder) {
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("select order_id from invitation where code = ?1")
                .setParameter(1, code).getResultList();
        if (found.isEmpty()) {
            LOG.warnf("unknown invitation code %s… presented", code.substring(0, 4));
            throw new ProblemException(422, "invitation-unknown", "Invitation not recognised",
                    "this invitation code was never issued; check the undangan or find the order by the recipient's details");
        }
        if (namedOrder != null && !namedOrder.equals(found.get(0))) {
            throw new ProblemException(422, "invitation-mismatch", "Invitation is for another order",
                    "the invitation code does not belong to order " + namedOrder);
        }
        return found.get(0);
    }

    /** A payment is made at a pay point that exists and serves the family's village (its region contains it). */
    private void requirePayPointFor(PaymentOrderEntity order, String code) {
        PayPointEntity payPoint = PayPointEntity.findById(code);
        if (payPoint == null) {
            throw new ProblemException(422, "unknown-pay-point", "Unknown pay point",
                    "pay point " + code + " is not registered", Map.of("payPointCode", code));
        }
        if (!(order.villageCode + ".").startsWith(payPoint.regionCode + ".")) {
            throw new ProblemException(422, "pay-point-outside-region", "Pay point does not serve this family",
                    "pay point " + code + " serves " + payPoint.regionCode + ", the family lives in " + order.villageCode,
                    Map.of("payPointCode", code, "payPointRegion", payPoint.regionCode));
        }
    }

    private ProblemException notPayable(PaymentOrderEntity order, Refusal refusal) {
        var extensions = new HashMap<String, Object>();
        extensions.put("orderId", order.id.toString());
        extensions.put("status", order.status.name());
        return switch (refusal.code()) {
            case "ALREADY_PAID" -> {
                extensions.put("paidAt", order.paidAt.toString());
                var payment = PaymentEntity.forOrder(order.id);
                if (payment != null) {
                    extensions.put("paymentId", payment.id.toString());
                    extensions.put("payPointCode", payment.payPointCode);
                }
                yield new ProblemException(409, "already-paid", "Order already paid",
                        "order " + order.id + " was already paid at " + order.paidAt, extensions);
            }
            case "BLOCKED" -> {
                extensions.put("reason", order.statusReason.name());
                extensions.put("blockedAt", String.valueOf(order.statusAt));
                yield new ProblemException(409, "order-blocked", "Order blocked",
                        "order " + order.id + " is blocked (" + order.statusReason + ") and cannot be paid", extensions);
            }
            default -> new ProblemException(409, "order-not-payable", "Order cannot be paid", refusal.message(), extensions);
        };
    }

    private static BigDecimal coordinate(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP);
    }

    /** What makes two requests "the same": every field of the body, and who sent it. */
    private static String requestHash(PaymentApi.RecordPayment in, String invitationCode, String officer) {
        var canonical = String.join("|", List.of(
                officer,
                String.valueOf(in.orderId()),
                String.valueOf(invitationCode),
                in.presenterNik(),
                in.presenterRole().name(),
                String.valueOf(in.noKk()),
                in.payPointCode().strip(),
                coordinate(in.latitude()).toPlainString(),
                coordinate(in.longitude()).toPlainString(),
                in.photoSha256().toLowerCase(Locale.ROOT),
                String.valueOf(in.amount())));
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String body(PaymentApi.PaymentView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
