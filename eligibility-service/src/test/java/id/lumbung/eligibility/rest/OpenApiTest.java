package id.lumbung.eligibility.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void theOpenApiDocumentSaysWhatTheServiceOwnsAndDeclaresTheBearerScheme() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", containsString("eligibility-service"))
                .body("info.description", containsString("determinations"))
                .body("paths", hasKey("/api/v1/programs"))
                .body("paths", hasKey("/api/v1/programs/{code}"))
                .body("paths", hasKey("/api/v1/determinations"))
                .body("components.securitySchemes", hasKey("bearer"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
