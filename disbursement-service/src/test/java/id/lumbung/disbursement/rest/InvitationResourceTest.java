package id.lumbung.disbursement.rest;

import static id.lumbung.disbursement.Fixtures.count;
import static id.lumbung.disbursement.Scheduling.dinsos;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.lumbung.disbursement.Counter;
import id.lumbung.disbursement.Fixtures;
import id.lumbung.disbursement.Fixtures.Family;
import id.lumbung.disbursement.Scheduling;
import id.lumbung.disbursement.domain.InvitationCode;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvitationResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aVillagePrintsOnePagePerFamilyAndTheCounterScansTheCode() throws Exception {
        String district = Scheduling.freshDistrict();
        String village = district + ".2001";
        String hall = Scheduling.payPoint("COMMUNITY_POINT", village, 10);
        var families = Scheduling.families(village, 3);
        var orders = Fixtures.listed(db, families.toArray(Family[]::new));
        Family first = families.get(0);
        UUID order = orders.get(first.householdId());
        UUID plan = Scheduling.planOf(db, order);
        Scheduling.jeparaWindows(plan);
        Scheduling.generate(plan);

        byte[] pdf = given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, village))
                .queryParam("planId", plan.toString()).queryParam("villageCode", village)
                .when().get("/api/v1/invitations")
                .then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        var reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(3);

        var invitation = given().auth().oauth2(TestTokens.token(Roles.PETUGAS_BAYAR, district))
                .when().get("/api/v1/invitations/" + order)
                .then().statusCode(200)
                .body("date", equalTo("2025-11-25"))
                .body("payPointKind", equalTo("COMMUNITY_POINT"))
                .body("amount", equalTo(900000))
                .body("recipientName", equalTo("S**I A****H"))
                .body("documents", hasItem(containsString("KK asli")))
                .extract().jsonPath();
        String code = invitation.getString("code");
        assertThat(InvitationCode.normalise(code)).contains(code);
        var text = new PdfTextExtractor(reader);
        String allPages = text.getTextFromPage(1) + text.getTextFromPage(2) + text.getTextFromPage(3);
        assertThat(allPages).contains("UNDANGAN").contains(InvitationCode.printed(code)).contains("SITI AMINAH");
        reader.close();
        assertThat(count(db, "select count(*) from audit_log where action = 'EXPORT' and subject_id = '" + plan + "'")).isEqualTo(1);

        // the QR code decodes to the very code
        byte[] png = given().auth().oauth2(dinsos()).when().get("/api/v1/invitations/" + order + "/qr")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(code);

        // scanned at the counter: the code finds the order, typed in groups it still does
        var scanned = Counter.at(hall, Counter.body(order, first.recipientNik(), "RECIPIENT", null));
        scanned.remove("orderId");
        scanned.put("invitationCode", InvitationCode.printed(code).toLowerCase());
        Counter.pay(UUID.randomUUID().toString(), scanned)
                .statusCode(201).body("orderId", equalTo(order.toString()));
        // a used code is refused: the order is paid
        Counter.pay(UUID.randomUUID().toString(), scanned)
                .statusCode(409).contentType("application/problem+json").body("type", containsString("already-paid"));
        // the paid family is no longer printed
        byte[] again = given().auth().oauth2(dinsos())
                .queryParam("planId", plan.toString()).queryParam("villageCode", village)
                .when().get("/api/v1/invitations").then().statusCode(200).extract().asByteArray();
        assertThat(new PdfReader(again).getNumberOfPages()).isEqualTo(2);

        // forged, malformed, or another order's code
        Family second = families.get(1);
        UUID secondOrder = orders.get(second.householdId());
        var forged = Counter.at(hall, Counter.body(secondOrder, second.recipientNik(), "RECIPIENT", null));
        forged.remove("orderId");
        forged.put("invitationCode", InvitationCode.random());
        Counter.pay(UUID.randomUUID().toString(), forged)
                .statusCode(422).contentType("application/problem+json").body("type", containsString("invitation-unknown"));
        forged.put("invitationCode", "0000-1111");
        Counter.pay(UUID.randomUUID().toString(), forged)
                .statusCode(400).body("field", equalTo("invitationCode"));
        var mismatch = Counter.at(hall, Counter.body(secondOrder, second.recipientNik(), "RECIPIENT", null));
        mismatch.put("invitationCode", code);
        Counter.pay(UUID.randomUUID().toString(), mismatch)
                .statusCode(422).body("type", containsString("invitation-mismatch"));
        var neither = Counter.at(hall, Counter.body(secondOrder, second.recipientNik(), "RECIPIENT", null));
        neither.remove("orderId");
        Counter.pay(UUID.randomUUID().toString(), neither).statusCode(400).body("field", equalTo("orderId"));
        assertThat(Fixtures.text(db, "select status from payment_order where id = '" + secondOrder + "'")).isEqualTo("READY");
        // the second family's own code pays the second family
        String secondCode = given().auth().oauth2(dinsos()).when().get("/api/v1/invitations/" + secondOrder)
                .then().statusCode(200).extract().path("code");
        assertThat(secondCode).isNotEqualTo(code);
        forged.put("invitationCode", secondCode);
        Counter.pay(UUID.randomUUID().toString(), forged).statusCode(201).body("orderId", equalTo(secondOrder.toString()));
    }

    @Test
    void invitationRequestsOutsideScopeOrScheduleAreRefused() {
        Family f = Fixtures.family(false);
        UUID order = Fixtures.listed(db, f).get(f.householdId());
        UUID plan = Scheduling.planOf(db, order);

        given().auth().oauth2(dinsos()).when().get("/api/v1/invitations/" + order)
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("not-scheduled"));
        given().auth().oauth2(dinsos()).queryParam("planId", plan.toString()).queryParam("villageCode", f.villageCode())
                .when().get("/api/v1/invitations")
                .then().statusCode(404).contentType("application/problem+json").body("type", containsString("no-invitations"));
        given().auth().oauth2(dinsos()).queryParam("planId", plan.toString())
                .when().get("/api/v1/invitations").then().statusCode(400).body("field", equalTo("villageCode"));
        given().auth().oauth2(dinsos()).queryParam("planId", "nope").queryParam("villageCode", f.villageCode())
                .when().get("/api/v1/invitations").then().statusCode(400).body("field", equalTo("planId"));
        given().auth().oauth2(dinsos()).queryParam("planId", plan.toString()).queryParam("villageCode", "33.20.06")
                .when().get("/api/v1/invitations").then().statusCode(400).body("field", equalTo("villageCode"));
        given().auth().oauth2(dinsos()).queryParam("planId", UUID.randomUUID().toString()).queryParam("villageCode", f.villageCode())
                .when().get("/api/v1/invitations").then().statusCode(404);
        given().auth().oauth2(TestTokens.token(Roles.OPERATOR_DESA, "33.20.06.1002"))
                .queryParam("planId", plan.toString()).queryParam("villageCode", f.villageCode())
                .when().get("/api/v1/invitations").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(Roles.INTEGRATOR)).when().get("/api/v1/invitations/" + order)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/invitations/" + order + "/qr")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(dinsos()).when().get("/api/v1/invitations/" + UUID.randomUUID() + "/qr")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
