package id.lumbung.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import id.lumbung.registry.domain.EmploymentFact;
import id.lumbung.registry.domain.FieldBounds;
import id.lumbung.registry.domain.LifeStatus;
import id.lumbung.registry.domain.Relationship;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the registry's OpenAPI document says of its own: its paths, and the domain's enums described in application.properties. */
@QuarkusTest
class OpenApiTest {

    @Test
    void theDocumentSaysWhatTheRegistryOwns() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", containsString("registry-service"))
                .body("paths", hasKey("/api/v1/households"))
                .body("paths", hasKey("/api/v1/persons/{nik}"))
                .body("paths", hasKey("/dci/registry/sync/search"))
                .body("components.securitySchemes", hasKey("bearer"));
    }

    @Test
    void everyDocumentedEnumListsExactlyTheJavaConstants() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Class<? extends Enum<?>>> enums = Map.of(
                "Relationship", Relationship.class,
                "LifeStatus", LifeStatus.class,
                "EmploymentFact", EmploymentFact.class);
        enums.forEach((name, type) -> {
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            assertThat(document.getList("components.schemas." + name + ".enum", String.class)).as(name)
                    .containsExactlyElementsOf(constants);
            assertThat(document.getString("components.schemas." + name + ".description")).as(name).isNotBlank();
        });
        // a person's employment facts name each fact at most once
        assertThat(FieldBounds.EMPLOYMENT_FACTS).isEqualTo(EmploymentFact.values().length);
    }
}
