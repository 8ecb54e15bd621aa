package id.lumbung.eligibility.dci;

import static id.lumbung.eligibility.dci.DciIbrTestSupport.ENROLLED;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.JSON;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.UPDATES;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.approvedList;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.attribute;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.enrolled;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.enrolledBy;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.envelope;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.family;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.header;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.post;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.postRaw;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.lumbung.eligibility.TestClock;
import id.lumbung.eligibility.service.ComplaintOutcomes;
import id.lumbung.eligibility.service.HouseholdProjector;
import id.lumbung.eligibility.service.Projected;
import id.lumbung.platform.dci.DciSignatures;
import id.lumbung.platform.id.Masking;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** registry/sync/enrolled: the programs a family is enrolled in, by NIK or No. KK, within the caller's regions. */
@QuarkusTest
class DciEnrolledTest {

    static final String CLIENT = "spmis-test";
    static final String DISTRICT = "35.10.01";

    @Inject
    HouseholdProjector projector;
    @Inject
    ComplaintOutcomes outcomes;
    @Inject
    AgroalDataSource dataSource;

    /** Two families on approved lists of BLTS Kesra and Sembako; the second declined Sembako; a third not eligible. */
    static Projected.Builder enrolledFamily;
    static Projected.Builder declinedFamily;
    static Projected.Builder richFamily;

    @BeforeEach
    void families() throws Exception {
        synchronized (DciEnrolledTest.class) {
            if (enrolledFamily != null) {
                return;
            }
            enrolledFamily = family(projector, DISTRICT + ".2001", 1, "Slamet");
            declinedFamily = family(projector, DISTRICT + ".2001", 2, "Wahyu");
            richFamily = family(projector, DISTRICT + ".2002", 9, "Hartono");
            approvedList("BLTS_KESRA_2025", DISTRICT);
            approvedList("SEMBAKO", DISTRICT);
            try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                    insert into payment_status (household_id, program_code, period, status, at, order_id, recorded_at)
                    values (?, 'BLTS_KESRA_2025', '2025-Q4', 'PAID', ?, 'po-dci-1', now())""")) {
                s.setObject(1, enrolledFamily.id());
                s.setTimestamp(2, Timestamp.from(Instant.parse("2025-11-21T03:00:00Z")));
                s.executeUpdate();
            }
            // decided in Q3: the tolak takes effect from 2025-Q4, so it ends the Q4 Sembako enrolment
            outcomes.record(new ComplaintOutcomes.Decided("ADU-DCI-" + UUID.randomUUID(), ComplaintOutcomes.Outcome.TOLAK_ACCEPTED,
                    declinedFamily.id(), "SEMBAKO", "sudah berdaya", Instant.parse("2025-09-20T03:00:00Z")));
        }
    }

    @Test
    void aMembersNikAnswersEveryProgramOfTheFamilySinceApprovalWithTheIndonesianDetails() throws Exception {
        String wifeNik = enrolledFamily.memberAt(1).nik();
        var answer = post(ENROLLED, token(CLIENT, "35.10"), enrolledBy(CLIENT, "NIK", wifeNik), 200);

        assertThat(answer.path("header").path("status").asText()).isEqualTo("succ");
        assertThat(answer.path("header").path("action").asText()).isEqualTo("on-search");
        assertThat(answer.path("header").path("sender_id").asText()).isEqualTo("ibr.lumbung.id");
        var item = answer.path("message").path("enrolled_response").get(0);
        assertThat(item.path("status").asText()).isEqualTo("succ");
        assertThat(item.path("enrolled_status").asText()).isEqualTo("yes");
        var records = item.path("data").path("reg_records");
        assertThat(programs(records)).containsExactlyInAnyOrder("BLTS_KESRA_2025", "SEMBAKO");
        var blts = record(records, "BLTS_KESRA_2025");
        var enrolment = blts.path("programme_identifier");
        assertThat(enrolment.path("enrolment_status").asText()).isEqualTo("Active");
        assertThat(Instant.parse(enrolment.path("enrolment_date").asText())).isEqualTo(TestClock.START);
        assertThat(enrolment.path("benefits").path("benefit_value").asText()).isEqualTo("IDR 900000");
        assertThat(enrolment.path("benefits").path("benefit_frequency").asText()).isEqualTo("Once");
        assertThat(enrolment.path("benefits").path("benefit_date").asText()).startsWith("2025-11-21T03:00");
        assertThat(attribute(blts, "periode").asText()).isEqualTo("2025-Q4");
        assertThat(attribute(blts, "status_pembayaran").asText()).isEqualTo("PAID");
        assertThat(attribute(blts, "wilayah_penetapan").asText()).isEqualTo(DISTRICT);
        assertThat(blts.path("group").path("group_identifier").get(0).path("identifier_value").asText())
                .isEqualTo(enrolledFamily.household().noKk());
        var sembako = record(records, "SEMBAKO");
        assertThat(sembako.path("programme_identifier").path("benefits").path("benefit_value").asText()).isEqualTo("IDR 200000");
        assertThat(sembako.path("programme_identifier").path("benefits").path("benefit_frequency").asText()).isEqualTo("Monthly");

        // the lookup is audited as the client's, the NIK masked
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                select detail from audit_log where action = 'DCI_ENROLLED' and subject_id = ? and actor = ?
                  and detail like '%' || ? || '%'""")) {
            s.setString(1, enrolledFamily.id().toString());
            s.setString(2, CLIENT);
            s.setString(3, "NIK " + Masking.nik(wifeNik));
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).doesNotContain(wifeNik).contains("2 enrolments, 2 active");
            }
        }
    }

    @Test
    void aKkExpressionForOneProgramShowsAnEnrolmentEndedByTolak() {
        var query = JSON.createObjectNode();
        query.putObject("group_identifier").put("eq", declinedFamily.household().noKk());
        query.putObject("programme_identifier.program.programme_identifier").put("eq", "SEMBAKO");
        var answer = post(ENROLLED, token(CLIENT, "35.10"), enrolled(CLIENT, "expression", query), 200);

        var item = answer.path("message").path("enrolled_response").get(0);
        assertThat(item.path("status").asText()).isEqualTo("succ");
        assertThat(item.path("enrolled_status").asText()).isEqualTo("no");
        var records = item.path("data").path("reg_records");
        assertThat(programs(records)).containsExactly("SEMBAKO");
        assertThat(records.get(0).path("programme_identifier").path("enrolment_status").asText()).isEqualTo("Inactive");
        assertThat(attribute(records.get(0), "alasan_berakhir").asText()).isEqualTo("DECLINED_TOLAK");

        // by KK without a program: BLTS Kesra is still active
        var all = post(ENROLLED, token(CLIENT, "35.10"), enrolledBy(CLIENT, "KK", declinedFamily.household().noKk()), 200);
        var allItem = all.path("message").path("enrolled_response").get(0);
        assertThat(allItem.path("enrolled_status").asText()).isEqualTo("yes");
        assertThat(programs(allItem.path("data").path("reg_records"))).containsExactlyInAnyOrder("BLTS_KESRA_2025", "SEMBAKO");
    }

    @Test
    void aMessageIdIsTakenOnceFromASender() {
        var message = enrolledBy(CLIENT, "NIK", richFamily.memberAt(0).nik());
        post(ENROLLED, token(CLIENT, "35.10"), message, 200);

        var replay = post(ENROLLED, token(CLIENT, "35.10"), message, 400);
        assertThat(replay.path("header").path("status").asText()).isEqualTo("rjct");
        assertThat(replay.path("header").path("status_reason_code").asText()).isEqualTo("rjct.message_id.duplicate");
    }

    @Test
    void aFamilyOnNoListIsFoundButNotEnrolled() {
        var answer = post(ENROLLED, token(CLIENT, "35.10"), enrolledBy(CLIENT, "NIK", richFamily.memberAt(0).nik()), 200);
        var item = answer.path("message").path("enrolled_response").get(0);
        assertThat(item.path("status").asText()).isEqualTo("succ");
        assertThat(item.path("enrolled_status").asText()).isEqualTo("no");
        assertThat(item.path("data").path("reg_records")).isEmpty();
    }

    @Test
    void aCallerOutsideTheRegencyHearsWhatAnUnknownNikHears() {
        String nik = enrolledFamily.memberAt(0).nik();
        var far = post(ENROLLED, token("spmis-far", "35.11"), enrolledBy("spmis-far", "NIK", nik), 200);
        var unknown = post(ENROLLED, token("spmis-far", "35.11"), enrolledBy("spmis-far", "NIK", "3511010101019999"), 200);
        for (var answer : List.of(far, unknown)) {
            assertThat(answer.path("header").path("status").asText()).isEqualTo("rjct");
            var item = answer.path("message").path("enrolled_response").get(0);
            assertThat(item.path("status").asText()).isEqualTo("rjct");
            assertThat(item.path("enrolled_status").asText()).isEqualTo("no");
            assertThat(item.has("data")).isFalse();
        }
        assertThat(far.path("message").path("enrolled_response").get(0).path("status_reason_message"))
                .isEqualTo(unknown.path("message").path("enrolled_response").get(0).path("status_reason_message"));
        assertThat(far.toString()).doesNotContain(enrolledFamily.household().noKk()).doesNotContain(enrolledFamily.id().toString());
    }

    @Test
    void withoutAValidBearerTokenTheAnswerIs401InTheSpecsShape() {
        String body = enrolledBy(CLIENT, "NIK", enrolledFamily.memberAt(0).nik()).toString();
        for (String token : new String[] { null, "not-a-jwt" }) {
            var answer = postRaw(ENROLLED, token, body, 401);
            assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("err.request.unauthorized");
        }
        // a role that is not a DCI client
        var answer = postRaw(ENROLLED, id.lumbung.platform.testing.TestTokens.token("operator-desa", "35.10"), body, 403);
        assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("err.request.forbidden");
    }

    @Test
    void envelopeFaultsAreAnsweredWithTheSpecsErrorsNeverA500() {
        String token = token(CLIENT, "35.10");
        assertThat(postRaw(ENROLLED, token, "{not json", 400).path("header").path("meta").path("error").path("code").asText())
                .isEqualTo("err.request.bad");

        var noMessageId = enrolledBy(CLIENT, "NIK", enrolledFamily.memberAt(0).nik());
        ((com.fasterxml.jackson.databind.node.ObjectNode) noMessageId.get("header")).remove("message_id");
        assertThat(DciIbrTestSupport.SPEC.requestProblems(ENROLLED, noMessageId.toString())).isNotEmpty();
        var answer = postRaw(ENROLLED, token, noMessageId.toString(), 400);
        assertThat(answer.path("header").path("status").asText()).isEqualTo("rjct");
        assertThat(answer.path("header").path("status_reason_message").asText()).contains("message_id");

        var wrongAction = enrolledBy(CLIENT, "NIK", enrolledFamily.memberAt(0).nik());
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrongAction.get("header")).put("action", "txn-status");
        answer = postRaw(ENROLLED, token, wrongAction.toString(), 400);
        assertThat(answer.path("header").path("status_reason_code").asText()).isEqualTo("rjct.action.invalid");

        var otherSender = enrolledBy("someone-else", "NIK", enrolledFamily.memberAt(0).nik());
        answer = post(ENROLLED, token, otherSender, 400);
        assertThat(answer.path("header").path("meta").path("error").path("code").asText()).isEqualTo("err.sender_id.invalid");

        var notANik = enrolledBy(CLIENT, "NIK", "12345");
        answer = post(ENROLLED, token, notANik, 400);
        assertThat(answer.path("header").path("status_reason_message").asText()).contains("16 digits");

        var predicate = enrolled(CLIENT, "predicate", JSON.createObjectNode().put("nik", enrolledFamily.memberAt(0).nik()));
        answer = post(ENROLLED, token, predicate, 400);
        assertThat(answer.path("header").path("meta").path("error").path("code").asText()).isEqualTo("err.request.bad");
    }

    @Test
    void anEncryptedMessageIsRefusedWithTheSpecsError() {
        var header = header(CLIENT, "search");
        header.put("is_msg_encrypted", true);
        var message = JSON.createObjectNode();
        var jwe = message.putObject("header");
        jwe.put("alg", "RSA-OAEP-256");
        jwe.put("enc", "A256GCM");
        jwe.put("kid", "spmis-test-1");
        message.put("ciphertext", "5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4");
        message.put("encrypted_key", "OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe");
        message.put("tag", "Mz-VPPyU4RlcuYv1IwIvzw");
        message.put("iv", "AxY8DCtDaGlsbGljb3RoZQ");
        var answer = post(ENROLLED, token(CLIENT, "35.10"), envelope(header, message), 400);
        assertThat(answer.path("header").path("meta").path("error").path("code").asText()).isEqualTo("err.encryption.invalid");
    }

    @Test
    void aSenderWithARegisteredKeyMustSignAndASignedMessageIsAnswered() throws Exception {
        String sender = "spmis-signed-" + UUID.randomUUID().toString().substring(0, 8);
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "insert into dci_sender (sender_id, key_id, algorithm, public_key_pem) values (?, 'k1', 'ed25519', ?)")) {
            s.setString(1, sender);
            s.setString(2, pem);
            s.executeUpdate();
        }
        String token = token(sender, "35.10");
        var unsigned = enrolledBy(sender, "NIK", enrolledFamily.memberAt(0).nik());
        var answer = post(ENROLLED, token, unsigned, 400);
        assertThat(answer.path("header").path("meta").path("error").path("code").asText()).isEqualTo("err.signature.missing");

        var signed = enrolledBy(sender, "NIK", enrolledFamily.memberAt(0).nik());
        long created = TestClock.CLOCK.instant().getEpochSecond();
        long expires = created + 3600;
        var signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(DciSignatures.signingContent(Long.toString(created), Long.toString(expires), signed.get("header"),
                signed.get("message")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        signed.put("signature", ("Signature: namespace=\"spdci\", kidId=\"%s|k1|ed25519\", algorithm=\"ed25519\", created=\"%d\","
                + " expires=\"%d\", headers=\"(created) (expires) digest\", signature=\"%s\"").formatted(sender, created, expires, signature));
        answer = post(ENROLLED, token, signed, 200);
        assertThat(answer.path("message").path("enrolled_response").get(0).path("enrolled_status").asText()).isEqualTo("yes");

        // tampered after signing
        ((com.fasterxml.jackson.databind.node.ObjectNode) signed.get("header")).put("message_id", UUID.randomUUID().toString());
        answer = post(ENROLLED, token, signed, 400);
        assertThat(answer.path("header").path("meta").path("error").path("code").asText()).isEqualTo("err.signature.invalid");
    }

    @Test
    void enrolmentsFromOtherSystemsAreNotTakenYet() {
        var header = header(CLIENT, "notify");
        header.put("status", "rcvd");
        var message = JSON.createObjectNode();
        message.put("transaction_id", "txn-" + UUID.randomUUID());
        message.putObject("enrolled_updates").putArray("beneficiaries");
        var answer = post(UPDATES, token(CLIENT, "35.10"), envelope(header, message), 400);
        assertThat(answer.path("header").path("status_reason_code").asText()).isEqualTo("rjct.action.not_supported");
    }

    private static List<String> programs(JsonNode records) {
        var out = new ArrayList<String>();
        records.forEach(r -> out.add(r.path("programme_identifier").path("programme").path("programme_identifier").asText()));
        return out;
    }

    private static JsonNode record(JsonNode records, String program) {
        for (var r : records) {
            if (program.equals(r.path("programme_identifier").path("programme").path("programme_identifier").asText())) {
                return r;
            }
        }
        throw new AssertionError(program + " not in " + records);
    }
}
