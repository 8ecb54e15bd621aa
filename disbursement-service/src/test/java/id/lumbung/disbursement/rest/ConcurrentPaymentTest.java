package id.lumbung.disbursement.rest;

import static id.lumbung.disbursement.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.disbursement.Fixtures;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Two officers scanning the same code at once, double clicks, retries: exactly one payment, over the real database. */
@QuarkusTest
class ConcurrentPaymentTest {

    static final int THREADS = 16;

    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    record Answer(int status, String body) {
    }

    @Test
    void manyOfficersWithTheirOwnKeysPayAnOrderOnce() throws Exception {
        var f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        var answers = race(i -> UUID.randomUUID().toString(), order, f.recipientNik());

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(byStatus).as("answers %s", answers).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(1);
        assertThat(byStatus.get(409)).isEqualTo(THREADS - 1);
        assertThat(answers.stream().filter(a -> a.status() == 409))
                .allSatisfy(a -> assertThat(a.body()).contains("already-paid").contains("already paid at"));
        assertThat(count(db, "select count(*) from payment where order_id = '" + order + "'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from payment_request where order_id = '" + order + "'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from outbox_event where event_key = '" + order + "'")).isEqualTo(1);
    }

    @Test
    void oneKeySentByManyThreadsIsOnePaymentAndOneAnswer() throws Exception {
        var f = Fixtures.family(true);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        String key = UUID.randomUUID().toString();
        var answers = race(i -> key, order, f.recipientNik());

        assertThat(answers).as("answers %s", answers).allSatisfy(a -> assertThat(a.status()).isIn(200, 201));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().map(Answer::body).distinct()).as("every thread sees the same payment").hasSize(1);
        assertThat(json.readTree(answers.get(0).body()).get("orderId").asText()).isEqualTo(order.toString());
        assertThat(count(db, "select count(*) from payment where order_id = '" + order + "'")).isEqualTo(1);
    }

    private List<Answer> race(IntFunction<String> keys, UUID order, String nik) throws Exception {
        String token = TestTokens.token(Roles.PETUGAS_BAYAR, "33.20");
        String body = json.writeValueAsString(id.lumbung.disbursement.Counter.body(order, nik, "RECIPIENT", null));
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/payments");
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", keys.apply(i))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                futures.add(pool.submit(() -> {
                    start.await();
                    var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    return new Answer(response.statusCode(), response.body());
                }));
            }
            start.countDown();
            var answers = new ArrayList<Answer>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
