package id.lumbung.complaint.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.complaint.domain.CaseAction;
import id.lumbung.complaint.domain.CaseStatus;
import id.lumbung.complaint.domain.CaseType;
import id.lumbung.complaint.domain.Channel;
import id.lumbung.complaint.domain.HandlingLevel;
import id.lumbung.complaint.domain.SlaPolicy;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The domain's enums are described in application.properties; the document must still list exactly their constants. */
@QuarkusTest
class OpenApiEnumsTest {

    @Test
    void everyDocumentedEnumListsExactlyTheJavaConstants() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Class<? extends Enum<?>>> enums = Map.of(
                "CaseType", CaseType.class,
                "CaseStatus", CaseStatus.class,
                "CaseAction", CaseAction.class,
                "CaseChannel", Channel.class,
                "HandlingLevel", HandlingLevel.class,
                "SlaRule", SlaPolicy.Rule.class);
        enums.forEach((name, type) -> {
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            assertThat(document.getList("components.schemas." + name + ".enum", String.class)).as(name)
                    .containsExactlyElementsOf(constants);
            assertThat(document.getString("components.schemas." + name + ".description")).as(name).isNotBlank();
        });
    }
}
