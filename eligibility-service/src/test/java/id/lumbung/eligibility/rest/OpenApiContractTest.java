package id.lumbung.eligibility.rest;

import id.lumbung.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
}
