package id.lumbung.platform.problem;

import java.util.Map;

/** 429: the caller has used its share for now; answered with {@code Retry-After}. */
public class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequests(String what, long retryAfterSeconds) {
        super(429, "too-many-requests", "Too many requests",
                "too many " + what + " from this address; try again in " + retryAfterSeconds + " s",
                Map.of("retryAfter", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
