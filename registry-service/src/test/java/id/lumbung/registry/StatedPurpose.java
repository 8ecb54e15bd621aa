package id.lumbung.registry;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * The tests act as an operator's tool, which states a purpose with every read of personal data (X-Purpose); a test
 * that sends its own purpose, or an empty one, keeps it.
 */
public class StatedPurpose implements QuarkusTestBeforeEachCallback {

    private static final Filter PURPOSE = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("X-Purpose")) {
            request.header("X-Purpose", "pengujian otomatis");
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(PURPOSE)) {
            RestAssured.filters(PURPOSE);
        }
    }
}
