package id.lumbung.disbursement.rest;

import id.lumbung.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
}
