package id.lumbung.eligibility.status;

import static id.lumbung.eligibility.status.StatusClient.ask;
import static id.lumbung.eligibility.status.StatusClient.solved;
import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.eligibility.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-client rate limit of the status check, with a small bucket (3 lookups, 1 more per minute). */
@QuarkusTest
@TestProfile(StatusRateLimitTest.SmallBucket.class)
class StatusRateLimitTest {

    public static class SmallBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lumbung.status.rate-limit.capacity", "3", "lumbung.status.rate-limit.per-minute", "1");
        }
    }

    @Test
    void aClientPastItsBucketIsToldToWaitAndMayAskAgainOnceItRefills() {
        TestClock.CLOCK.set(TestClock.START);
        // requests without a solved challenge are refused and cost nothing of the bucket
        for (int i = 0; i < 5; i++) {
            var unsolved = solved();
            unsolved.put("challenge", "forged." + unsolved.get("challenge"));
            unsolved.put("nik", "3321014107990125");
            assertThat(ask(unsolved).statusCode()).isBetween(400, 499).isNotEqualTo(429);
        }
        for (int i = 0; i < 3; i++) {
            ask(solvedFor()).then().statusCode(200);
        }
        var refused = ask(solvedFor());
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("too-many-requests"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);

        TestClock.CLOCK.advance(Duration.ofSeconds(61));
        try {
            ask(solvedFor()).then().statusCode(200);
            ask(solvedFor()).then().statusCode(429);
        } finally {
            TestClock.CLOCK.set(TestClock.START);
        }
    }

    private static Map<String, Object> solvedFor() {
        var body = solved();
        body.put("nik", "3321014107990125");
        return body;
    }
}
