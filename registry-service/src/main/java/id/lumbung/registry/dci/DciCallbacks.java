package id.lumbung.registry.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Async answers: the work runs after the ACK has gone, then its result is POSTed to the caller's
 * {@code sender_uri}, retried with doubling delays until a 2xx or the configured attempts are spent.
 * Every attempt is counted on the transaction ({@code callback_status}, {@code callback_attempts}).
 */
@ApplicationScoped
public class DciCallbacks {

    private static final Logger LOG = Logger.getLogger(DciCallbacks.class);

    private final DciTransactions transactions;
    private final ObjectMapper json;
    private final DciConfig config;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("dci-callback-retry").factory());
    private final HttpClient http;

    public DciCallbacks(DciTransactions transactions, ObjectMapper json, DciConfig config) {
        this.transactions = transactions;
        this.json = json;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.callback().timeout()).build();
    }

    /** Runs {@code work} soon and delivers what it returns to {@code target}. */
    public void later(Supplier<ObjectNode> work, URI target, UUID correlationId) {
        Thread.ofVirtual().name("dci-answer-" + correlationId).start(() -> {
            String body;
            try {
                body = json.writeValueAsString(work.get());
            } catch (RuntimeException | JsonProcessingException e) {
                LOG.errorf(e, "DCI transaction %s failed before its answer could be sent", correlationId);
                transactions.callbackAttempt(correlationId, "FAILED", "answer could not be built: " + e.getMessage());
                return;
            }
            deliver(target, body, correlationId.toString(),
                    (status, error) -> transactions.callbackAttempt(correlationId, status, error), 1,
                    config.callback().firstRetry().toMillis());
        });
    }

    /** What became of one delivery attempt: PENDING (will retry), DELIVERED or FAILED, with the failure. */
    @FunctionalInterface
    public interface Attempts {
        void record(String status, String error);
    }

    /** POSTs a ready message to {@code target} with the same retries, each attempt reported to {@code attempts}. */
    public void send(URI target, String body, String label, Attempts attempts) {
        Thread.ofVirtual().name("dci-send-" + label).start(
                () -> deliver(target, body, label, attempts, 1, config.callback().firstRetry().toMillis()));
    }

    private void deliver(URI target, String body, String label, Attempts attempts, int attempt, long nextDelayMs) {
        String failure;
        // checked again at each attempt: the name may resolve elsewhere now than when the request came
        String refused = config.callback().allowPrivateAddresses() ? null : CallbackTargets.notPublic(target.getHost());
        if (refused != null) {
            attempts.record("FAILED", "the callback address " + refused);
            LOG.warnf("DCI callback for %s to %s refused: it %s", label, target.getHost(), refused);
            return;
        }
        try {
            var response = http.send(HttpRequest.newBuilder(target).timeout(config.callback().timeout())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                attempts.record("DELIVERED", null);
                return;
            }
            failure = "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean last = attempt >= config.callback().attempts();
        attempts.record(last ? "FAILED" : "PENDING", failure);
        if (last) {
            LOG.warnf("DCI callback for %s to %s given up after %d attempts: %s", label, target.getHost(), attempt, failure);
            return;
        }
        // the scheduler only waits; the slow HTTP call runs on a virtual thread of its own
        scheduler.schedule(() -> Thread.ofVirtual().start(() -> deliver(target, body, label, attempts, attempt + 1, nextDelayMs * 2)),
                nextDelayMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
