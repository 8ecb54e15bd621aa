package id.lumbung.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.lumbung.platform.id.RegionCode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegionResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theWholeKemendagriListIsLoadedWithItsHierarchy() throws Exception {
        Map<Integer, Integer> perLevel = new HashMap<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select level, count(*) from region group by level")) {
            while (rs.next()) {
                perLevel.put(rs.getInt(1), rs.getInt(2));
            }
        }
        assertThat(perLevel).containsEntry(1, 38).containsEntry(2, 514).containsEntry(3, 7285).containsEntry(4, 83762);
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("select code from region")) {
            while (rs.next()) {
                RegionCode.of(rs.getString(1)); // every shipped code is one our value type accepts
            }
        }
    }

    @Test
    void looksUpByCodeByParentAndByName() {
        given().when().get("/api/v1/regions/3320061001")
                .then().statusCode(200)
                .body("name", equalTo("Karangkebagusan"))
                .body("level", equalTo("VILLAGE"))
                .body("parentCode", equalTo("33.20.06"));
        given().queryParam("parent", "33.20").when().get("/api/v1/regions")
                .then().statusCode(200).body("name", hasItem("Kedung"));
        given().queryParam("name", "karangkebag").when().get("/api/v1/regions")
                .then().statusCode(200).body("code", hasItem("33.20.06.1001"));
        given().when().get("/api/v1/regions/99.99")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/regions/abc")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
