package id.lumbung.registry.dci;

import static id.lumbung.registry.dci.DciTestSupport.VILLAGE;
import static id.lumbung.registry.dci.DciTestSupport.envelope;
import static id.lumbung.registry.dci.DciTestSupport.post;
import static id.lumbung.registry.dci.DciTestSupport.postValid;
import static id.lumbung.registry.dci.DciTestSupport.register;
import static id.lumbung.registry.dci.DciTestSupport.searchMessage;
import static id.lumbung.registry.dci.DciTestSupport.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.platform.dci.DciSignatures;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DciSecurityTest {

    @Inject
    AgroalDataSource db;

    private static String criteria(String noKk) {
        return """
                {"query_type": "idtype-value", "query": {"type": "KK", "value": "%s"}}""".formatted(noKk);
    }

    @Test
    void clientCredentialsGiveATokenTheRegistryAcceptsWithTheClientsRegions() throws Exception {
        var family = register(VILLAGE, 4, new DciTestSupport.Person("MALE", "1975-07-01", "KEPALA_KELUARGA", "Paijo"));
        String token = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "spmis-test").formParam("client_secret", "spmis-test-secret")
                .when().post("/dci/oauth2/client/token")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(900))
                .extract().path("access_token");

        var answer = postValid("sync/search", token, envelope("search", "spmis-test", searchMessage(criteria(family.noKk()))), 200);
        assertThat(answer.path("message").path("search_response").get(0).path("pagination").path("total_count").asInt()).isEqualTo(1);
        // the client's regions claim (33.20.06) keeps the rest of the country out
        var outside = postValid("sync/search", token, envelope("search", "spmis-test", searchMessage("""
                {"query_type": "predicate",
                 "query": [{"seq_num": 1, "expression1": {"attribute_name": "region", "operator": "eq", "attribute_value": "33.21"}}]}""")), 200);
        assertThat(outside.path("message").path("search_response").get(0).path("status").asText()).isEqualTo("rjct");

        // the published key set verifies the token
        String jwks = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        var keys = new JsonWebKeySet(jwks).getJsonWebKeys();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).getKeyId()).isEqualTo("lumbung-dci-1");
        var jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(keys.get(0).getKey());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jwks).doesNotContain("\"d\"");
    }

    @Test
    void wrongCredentialsAndGrantsAreRefusedTheOAuthWay() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", "spmis-test")
                .formParam("client_secret", "guess").when().post("/dci/oauth2/client/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", "nobody")
                .formParam("client_secret", "spmis-test-secret").when().post("/dci/oauth2/client/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "password").formParam("client_id", "spmis-test")
                .formParam("client_secret", "spmis-test-secret").when().post("/dci/oauth2/client/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        // HTTP Basic works as well as the form
        given().auth().preemptive().basic("spmis-test", "spmis-test-secret").formParam("grant_type", "client_credentials")
                .when().post("/dci/oauth2/client/token").then().statusCode(200);
    }

    @Test
    void aRegisteredSenderMustSignAndABadSignatureIsRefused() throws Exception {
        String sender = "spmis-signed";
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try (var c = db.getConnection(); var insert = c.prepareStatement(
                "insert into dci_sender (sender_id, key_id, algorithm, public_key_pem) values (?, 'k1', 'ed25519', ?)")) {
            insert.setString(1, sender);
            insert.setString(2, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            insert.executeUpdate();
        }
        String token = token(sender, "33.20");

        var unsigned = envelope("search", sender, searchMessage(criteria("3320060101990000")));
        var missing = post("sync/search", token, unsigned.toString(), 400);
        assertThat(missing.path("header").path("meta").path("error").path("code").asText()).isEqualTo("err.signature.missing");

        var signed = envelope("search", sender, searchMessage(criteria("3320060101990000")));
        sign(signed, sender, keys);
        postValid("sync/search", token, signed, 200);

        var tampered = envelope("search", sender, searchMessage(criteria("3320060101990000")));
        sign(tampered, sender, keys);
        ((ObjectNode) tampered.get("message")).put("transaction_id", "changed-after-signing");
        var refused = post("sync/search", token, tampered.toString(), 400);
        assertThat(refused.path("header").path("meta").path("error").path("code").asText()).isEqualTo("err.signature.invalid");

        var otherKey = envelope("search", sender, searchMessage(criteria("3320060101990000")));
        sign(otherKey, sender, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        var async = post("search", token, otherKey.toString(), 400);
        assertThat(async.path("message").path("error").path("code").asText()).isEqualTo("err.signature.invalid");
    }

    @Test
    void everyDciRequestIsCountedByEndpointAndOutcome() {
        String token = token("spmis-metrics", "33.20");
        postValid("sync/search", token, envelope("search", "spmis-metrics", searchMessage(criteria("3320060101990001"))), 200);
        post("sync/search", token, envelope("search", "someone-else", searchMessage(criteria("3320060101990001"))).toString(), 400);
        given().contentType("application/json").body("{}").when().post("/dci/registry/sync/search").then().statusCode(401);
        given().auth().oauth2(TestTokens.token(Roles.DINSOS)).contentType("application/json").body("{}")
                .when().post("/dci/registry/search").then().statusCode(403);
        given().formParam("grant_type", "password").when().post("/dci/oauth2/client/token").then().statusCode(400);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("# HELP lumbung_dci_requests DCI requests, by endpoint and outcome")
                .containsPattern(counted("/dci/registry/sync/search", "answered"))
                .containsPattern(counted("/dci/registry/sync/search", "err.sender_id.invalid"))
                .containsPattern(counted("/dci/registry/sync/search", "err.request.unauthorized"))
                .containsPattern(counted("/dci/registry/search", "err.request.forbidden"))
                .containsPattern(counted("/dci/oauth2/client/token", "unsupported_grant_type"));
    }

    private static String counted(String endpoint, String outcome) {
        return "lumbung_dci_requests_total\\{endpoint=\"" + java.util.regex.Pattern.quote(endpoint) + "\",outcome=\""
                + java.util.regex.Pattern.quote(outcome) + "\"[^}]*} [1-9]";
    }

    /** Signs as a sender would: the spec's Signature string over header + message. */
    static void sign(ObjectNode envelope, String sender, KeyPair keys) throws Exception {
        long created = Instant.now().getEpochSecond();
        long expires = created + 600;
        String content = DciSignatures.signingContent(Long.toString(created), Long.toString(expires),
                envelope.get("header"), envelope.get("message"));
        var signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(content.getBytes(StandardCharsets.UTF_8));
        envelope.put("signature", "Signature: namespace=\"spdci\", kidId=\"" + sender + "|k1|ed25519\", algorithm=\"ed25519\","
                + " created=\"" + created + "\", expires=\"" + expires + "\", headers=\"(created) (expires) digest\","
                + " signature=\"" + Base64.getEncoder().encodeToString(signer.sign()) + "\"");
    }
}
