package id.lumbung.eligibility.events;

import id.lumbung.eligibility.persistence.PaymentStatuses;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.events.EventHandler;
import id.lumbung.platform.events.EventRejectedException;
import id.lumbung.platform.events.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code disbursement.payments.v1}: the payment status of a household's program period, shown by the
 * public status check. A later report (by its {@code at}) replaces an earlier one.
 */
@ApplicationScoped
public class PaymentConsumer implements EventHandler {

    static final String CONSUMER = "eligibility.disbursement-payments";
    static final String TOPIC = "disbursement.payments.v1";
    static final Set<String> TYPES = Set.of("id.lumbung.disbursement.payment.recorded",
            "id.lumbung.disbursement.order.blocked", "id.lumbung.disbursement.order.failed");
    /** Types of the topic that the status check does not show. */
    static final Set<String> NOT_OURS = Set.of("id.lumbung.disbursement.order.returned");
    private static final Logger LOG = Logger.getLogger(PaymentConsumer.class);

    private final Inbox inbox;
    private final PaymentStatuses payments;
    private final Clock clock;

    public PaymentConsumer(Inbox inbox, PaymentStatuses payments, Clock clock) {
        this.inbox = inbox;
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** A whole poll at once: on a payment day the counters report thousands of payments a second. */
    @Incoming("disbursement-payments")
    @Blocking
    public void onPayments(ConsumerRecords<String, byte[]> records) {
        inbox.processBatch(this, records);
    }

    @Override
    public void apply(List<EventEnvelope.Received> events) {
        for (var event : events) {
            if (NOT_OURS.contains(event.type())) {
                continue;
            }
            if (!TYPES.contains(event.type())) {
                throw new EventRejectedException("type " + event.type() + " is not a disbursement.payments.v1 event");
            }
            var report = report(event);
            if ("ERASED".equals(report.reason())) {
                // the order of a household the registry erased: there is no family here to tell any more
                continue;
            }
            boolean kept = payments.record(report, clock.instant());
            LOG.debugf("payment %s of household %s %s %s: %s%s", report.orderId(), report.householdId(),
                    report.programCode(), report.period(), report.status(), kept ? "" : " (a later report is held)");
        }
    }

    private static PaymentStatuses.Report report(EventEnvelope.Received event) {
        var data = event.data();
        try {
            var period = text(data, "period");
            if (!period.matches("\\d{4}-Q[1-4]")) {
                throw new IllegalArgumentException("period must look like 2025-Q4");
            }
            return new PaymentStatuses.Report(text(data, "orderId"), UUID.fromString(text(data, "householdId")),
                    text(data, "programCode"), period, PaymentStatuses.Status.valueOf(text(data, "status")),
                    Instant.parse(text(data, "at")), data.path("reason").isTextual() ? data.get("reason").asText() : null);
        } catch (RuntimeException e) {
            throw new EventRejectedException("does not follow disbursement.payments.v1: " + e.getMessage(), e);
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode data, String field) {
        var value = data.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asText();
    }
}
