package id.lumbung.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One village, Kelurahan Karangkebagusan (33.20.06.1001, Jepara), through the whole BLTS Kesra 2025 cycle across
 * the four services as they are deployed: registration, determination, penetapan with four eyes, plan, schedule,
 * invitations, payments at the counter, a death before payment, closing, reconciliation under the SPTJM with a late
 * payment, return, a sanggah and a tolak flowing back, and the public status check.
 */
class BltsKesraCycleTest {

    static final String VILLAGE = "33.20.06.1001";
    static final String DISTRICT = "33.20.06";
    static final String REGENCY = "33.20";
    static final String PROGRAM = "BLTS_KESRA_2025";
    static final String PERIOD = "2025-Q4";
    static final long PER_FAMILY = 900_000L;
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final Duration PROPAGATION = Duration.ofSeconds(60);

    static final String OPERATOR = TestTokens.token("operator-karangkebagusan", Set.of("operator-desa"), List.of(VILLAGE));
    static final String DINSOS = TestTokens.token("dinsos-jepara-drafter", Set.of("dinsos"), List.of(REGENCY));
    static final String KEMENSOS = TestTokens.token("kemensos-approver", Set.of("kemensos"), List.of());
    static final String PETUGAS = TestTokens.token("petugas-pos-jepara", Set.of("petugas-bayar"), List.of(DISTRICT));

    // role names as id.lumbung.platform.security.Roles spells them (the platform jar itself is not needed here)
    static Stack stack;

    // ---- the village: who lives there

    record Member(String nik, String name, String sex, LocalDate birth, String relationship, List<String> employment) {
    }

    record Family(String key, String noKk, Integer desil, List<Member> members, boolean headDeceased) {
        Member head() {
            return members.getFirst();
        }

        Member spouse() {
            return members.get(1);
        }
    }

    static int serial = 1;

    static Member member(String name, String sex, String birth, String relationship, String... employment) {
        var date = LocalDate.parse(birth);
        int day = date.getDayOfMonth() + (sex.equals("FEMALE") ? 40 : 0);
        String nik = "332006%02d%02d%02d%04d".formatted(day, date.getMonthValue(), date.getYear() % 100, serial++);
        return new Member(nik, name, sex, date, relationship, List.of(employment));
    }

    static Family family(String key, int kk, Integer desil, Member... members) {
        return new Family(key, "33200611112500%02d".formatted(kk), desil, List.of(members), false);
    }

    // eligible for BLTS Kesra: desil 1-4 and no member with an excluding employment
    static final Family PAID_RECIPIENT = family("F01", 1, 1, member("SLAMET RIYADI", "MALE", "1978-03-12", "KEPALA_KELUARGA"),
            member("SITI MUNAWAROH", "FEMALE", "1981-07-02", "ISTRI"), member("AHMAD FAUZI", "MALE", "2008-09-20", "ANAK"),
            member("DEWI LESTARI", "FEMALE", "2021-01-15", "ANAK"));
    static final Family PAID_KUASA = family("F02", 2, 2, member("SUPARNO", "MALE", "1965-11-30", "KEPALA_KELUARGA"),
            member("SUMIYATI", "FEMALE", "1968-04-04", "ISTRI"));
    static final Family DOUBLE_SCAN = family("F03", 3, 3, member("MUHAMMAD ROFIQ", "MALE", "1985-02-14", "KEPALA_KELUARGA"),
            member("NUR HIDAYAH", "FEMALE", "1988-06-18", "ISTRI"));
    static final Family DIES_BEFORE_PAYMENT = family("F04", 4, 4, member("KASMADI", "MALE", "1950-08-17", "KEPALA_KELUARGA"),
            member("PAINAH", "FEMALE", "1955-12-01", "ISTRI"));
    static final Family LATE_PAYMENT = family("F05", 5, 2, member("SUTRISNO", "MALE", "1972-05-05", "KEPALA_KELUARGA"),
            member("WARSINAH", "FEMALE", "1975-10-10", "ISTRI"));
    static final Family SANGGAH = family("F06", 6, 3, member("HARYANTO", "MALE", "1980-01-25", "KEPALA_KELUARGA"),
            member("ENDANG SRI", "FEMALE", "1983-03-03", "ISTRI"));
    static final Family WIDOW = new Family("F07", "3320061111250007", 4,
            List.of(member("MUJIONO", "MALE", "1960-02-02", "KEPALA_KELUARGA"),
                    member("SRI WAHYUNI", "FEMALE", "1963-09-09", "ISTRI"),
                    member("ANTON", "MALE", "1999-12-12", "ANAK")), true);
    static final Family TOLAK = family("F13", 13, 2, member("BAMBANG SUGIARTO", "MALE", "1975-07-07", "KEPALA_KELUARGA"),
            member("RINI ASTUTI", "FEMALE", "1977-08-08", "ISTRI"));
    // not eligible
    static final Family ASN = family("F08", 8, 1, member("DRS. WIDODO", "MALE", "1970-04-21", "KEPALA_KELUARGA", "ASN"),
            member("YULIANI", "FEMALE", "1972-02-22", "ISTRI"));
    static final Family DESIL_5 = family("F09", 9, 5, member("JOKO SUSILO", "MALE", "1982-10-01", "KEPALA_KELUARGA"));
    static final Family DESIL_8 = family("F10", 10, 8, member("HENDRA GUNAWAN", "MALE", "1979-06-06", "KEPALA_KELUARGA"));
    static final Family DESIL_10 = family("F11", 11, 10, member("LIEM SIAN TJIE", "MALE", "1969-03-30", "KEPALA_KELUARGA"));
    static final Family NO_DESIL = family("F12", 12, null, member("MARYAM", "FEMALE", "1990-11-11", "KEPALA_KELUARGA"),
            member("ZAHRA", "FEMALE", "2019-05-05", "ANAK"));

    static final List<Family> ELIGIBLE = List.of(PAID_RECIPIENT, PAID_KUASA, DOUBLE_SCAN, DIES_BEFORE_PAYMENT, LATE_PAYMENT,
            SANGGAH, WIDOW, TOLAK);
    static final List<Family> NOT_ELIGIBLE = List.of(ASN, DESIL_5, DESIL_8, DESIL_10, NO_DESIL);

    final Map<Family, UUID> households = new LinkedHashMap<>();
    final Map<Family, UUID> orders = new LinkedHashMap<>();

    @BeforeAll
    static void up() throws Exception {
        RestAssured.config = RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        stack = new Stack();
        try {
            stack.start();
        } catch (Throwable e) {
            stack.dumpLogs(60);
            stack.close();
            throw e;
        }
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aVillageGoesThroughTheWholeBltsKesraCycle() throws Exception {
        try {
            stage("register the village", this::register);
            stage("determinations", this::determinations);
            var listId = step("beneficiary list", this::penetapan);
            var planId = step("plan and orders", () -> plan(listId));
            var invitationCode = step("pay points, windows, schedule, invitations", () -> schedule(planId));
            stage("payments at the counter", () -> payments(planId, invitationCode));
            stage("a death before payment", () -> deathBlocks(planId));
            stage("close collection", () -> closeCollection(planId));
            stage("reconciliation and return", () -> reconcile(planId));
            stage("sanggah and tolak", this::complaints);
            stage("a partner's client generated from the OpenAPI document", this::generatedClient);
            stage("public status check", this::statusCheck);
            stage("a household registered in error erased everywhere", this::erasure);
        } catch (Throwable e) {
            stack.dumpLogs(40);
            throw e;
        }
    }

    // ---- 1. registry

    void register() throws Exception {
        for (var f : ELIGIBLE) {
            if (!f.headDeceased()) {
                households.put(f, registerFamily(f));
            }
        }
        for (var f : NOT_ELIGIBLE) {
            households.put(f, registerFamily(f));
        }
        // a family whose head died before the extract: it comes in through the DTSEN import with the head deceased
        var line = householdJson(WIDOW).replace("\"relationship\": \"KEPALA_KELUARGA\"",
                "\"relationship\": \"KEPALA_KELUARGA\", \"lifeStatus\": \"DECEASED\", \"deathDate\": \"2025-06-30\"");
        String job = given().auth().oauth2(KEMENSOS).contentType("application/x-ndjson").queryParam("kind", "households")
                .body((line + "\n").getBytes(StandardCharsets.UTF_8)).post(stack.url("registry") + "/api/v1/imports")
                .then().statusCode(202).extract().path("id");
        var done = awaitValue("import job " + job, () -> {
            var r = json(KEMENSOS).get(stack.url("registry") + "/api/v1/imports/" + job);
            String status = r.path("status");
            return "COMPLETED".equals(status) || "FAILED".equals(status) ? r : null;
        });
        assertThat(done.<String>path("status")).isEqualTo("COMPLETED");
        assertThat(done.<Integer>path("householdsCreated")).isEqualTo(1);
        assertThat(done.<Integer>path("badRows")).isZero();
        String widowId = json(KEMENSOS).queryParam("noKk", WIDOW.noKk()).get(stack.url("registry") + "/api/v1/households")
                .then().statusCode(200).extract().path("items[0].id");
        households.put(WIDOW, UUID.fromString(widowId));

        assertThat(households).hasSize(13);
        var page = json(OPERATOR).queryParam("region", VILLAGE).queryParam("size", 100)
                .get(stack.url("registry") + "/api/v1/households").then().statusCode(200).extract();
        assertThat(page.<Integer>path("total")).isEqualTo(13);
        var widow = json(OPERATOR).get(stack.url("registry") + "/api/v1/households/" + widowId).then().statusCode(200).extract();
        assertThat(widow.<List<String>>path("members.lifeStatus")).containsExactly("DECEASED", "ALIVE", "ALIVE");
    }

    UUID registerFamily(Family f) {
        String id = json(OPERATOR).body(householdJson(f)).post(stack.url("registry") + "/api/v1/households")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    static String householdJson(Family f) {
        var members = new ArrayList<String>();
        for (var m : f.members()) {
            members.add("""
                    {"nik": "%s", "fullName": "%s", "sex": "%s", "birthDate": "%s", "relationship": "%s", "employment": [%s]}"""
                    .formatted(m.nik(), m.name(), m.sex(), m.birth(), m.relationship(),
                            String.join(", ", m.employment().stream().map(e -> "\"" + e + "\"").toList())));
        }
        return """
                {"noKk": "%s", "villageCode": "%s", "address": "Jl. Kartini RT 02 RW 01", "rt": "002", "rw": "001", \
                "socioEconomic": {"floorAreaM2": 36.0, "wallType": "BAMBU", "electricityVa": 450, "monthlyIncome": 1200000, \
                "kksCard": false}, "desil": %s, "desilPeriod": %s, "members": [%s]}"""
                .formatted(f.noKk(), VILLAGE, f.desil(), f.desil() == null ? "null" : "\"" + PERIOD + "\"",
                        String.join(", ", members)).replace("\n", " ");
    }

    // ---- 2. eligibility

    void determinations() {
        var verdicts = new LinkedHashMap<Family, Response>();
        for (var f : households.keySet()) {
            verdicts.put(f, awaitValue("determination of " + f.key(), () -> {
                var r = determination(households.get(f));
                return r.statusCode() == 200 && r.<List<?>>path("determinations").size() == 1 ? r : null;
            }));
        }
        long eligible = verdicts.values().stream().filter(r -> r.<Boolean>path("determinations[0].eligible")).count();
        assertThat(eligible).as("desil 1-4 without ASN: 8 of 13").isEqualTo(ELIGIBLE.size()).isEqualTo(8);
        for (var f : ELIGIBLE) {
            assertThat(verdicts.get(f).<Boolean>path("determinations[0].eligible")).as(f.key()).isTrue();
        }
        for (var f : NOT_ELIGIBLE) {
            assertThat(verdicts.get(f).<Boolean>path("determinations[0].eligible")).as(f.key()).isFalse();
        }
        assertThat(verdicts.get(ASN).<List<String>>path("determinations[0].reasons.code")).hasSize(1)
                .first().asString().startsWith("EXCLUDED_");
        assertThat(verdicts.get(ASN).<String>path("determinations[0].reasons[0].id")).contains("ASN")
                .doesNotContain("WIDODO");
        assertThat(verdicts.get(DESIL_5).<List<String>>path("determinations[0].reasons.code")).containsExactly("DESIL_OUTSIDE_BAND");
        assertThat(verdicts.get(DESIL_10).<String>path("determinations[0].reasons[0].id")).contains("desil 10");
        assertThat(verdicts.get(NO_DESIL).<List<String>>path("determinations[0].reasons.code")).containsExactly("DESIL_NOT_YET");
    }

    Response determination(UUID household) {
        return json(DINSOS).queryParam("householdId", household.toString()).queryParam("programCode", PROGRAM)
                .queryParam("period", PERIOD).get(stack.url("eligibility") + "/api/v1/determinations");
    }

    // ---- 3. penetapan

    String penetapan() {
        // a Dinas Sosial drafts the list of its regency (a village list is refused); in the scenario's own databases
        // the regency holds exactly this village's families
        var villageOnly = "{\"programCode\": \"%s\", \"period\": \"%s\", \"regionCode\": \"%s\"}".formatted(PROGRAM, PERIOD, VILLAGE);
        json(DINSOS).body(villageOnly).post(stack.url("eligibility") + "/api/v1/beneficiary-lists").then().statusCode(403);
        var body = "{\"programCode\": \"%s\", \"period\": \"%s\", \"regionCode\": \"%s\"}".formatted(PROGRAM, PERIOD, REGENCY);
        var draft = json(DINSOS).body(body).post(stack.url("eligibility") + "/api/v1/beneficiary-lists")
                .then().statusCode(201).extract();
        String listId = draft.path("id");
        assertThat(draft.<String>path("status")).isEqualTo("DRAFT");
        assertThat(draft.<Integer>path("totalBeneficiaries")).isEqualTo(8);
        assertThat(draft.<Integer>path("amountPerMonth")).isEqualTo(300_000);
        assertThat(draft.<Integer>path("months")).isEqualTo(3);
        assertThat(draft.<Boolean>path("lumpSum")).isTrue();

        // four eyes: the drafter may not approve
        json(DINSOS).post(stack.url("eligibility") + "/api/v1/beneficiary-lists/" + listId + "/approval")
                .then().statusCode(403);
        var approved = json(KEMENSOS).post(stack.url("eligibility") + "/api/v1/beneficiary-lists/" + listId + "/approval")
                .then().statusCode(200).extract();
        assertThat(approved.<String>path("status")).isEqualTo("FINALIZED");
        assertThat(approved.<String>path("draftedBy")).isEqualTo("dinsos-jepara-drafter");
        assertThat(approved.<String>path("approvedBy")).isEqualTo("kemensos-approver");

        var listed = json(DINSOS).queryParam("size", 50)
                .get(stack.url("eligibility") + "/api/v1/beneficiary-lists/" + listId + "/beneficiaries").then().statusCode(200).extract();
        assertThat(listed.<Integer>path("total")).isEqualTo(8);
        assertThat(listed.<List<String>>path("items.householdId"))
                .containsExactlyInAnyOrderElementsOf(ELIGIBLE.stream().map(f -> households.get(f).toString()).toList());
        // lowest desil first
        assertThat(listed.<List<Integer>>path("items.desil")).isSorted();
        assertThat(listed.<List<String>>path("items.villageCode")).containsOnly(VILLAGE);
        // the head of F07 died: his wife receives
        int widowRank = listed.<List<String>>path("items.householdId").indexOf(households.get(WIDOW).toString());
        assertThat(listed.<String>path("items[" + widowRank + "].recipientName")).isEqualTo(WIDOW.spouse().name());
        return listId;
    }

    // ---- 4. disbursement plan

    String plan(String listId) {
        var planId = awaitValue("plan of list " + listId, () -> {
            var r = json(KEMENSOS).get(stack.url("disbursement") + "/api/v1/plans");
            List<Map<String, Object>> items = r.path("items");
            return items.stream().filter(p -> listId.equals(p.get("listId")) && "COMPLETE".equals(p.get("status")))
                    .map(p -> (String) p.get("id")).findFirst().orElse(null);
        });
        var detail = json(DINSOS).get(stack.url("disbursement") + "/api/v1/plans/" + planId).then().statusCode(200).extract();
        assertThat(detail.<Integer>path("orders")).isEqualTo(8);
        assertThat(((Number) detail.path("plan.plannedTotal")).longValue()).isEqualTo(8 * PER_FAMILY).isEqualTo(7_200_000L);
        assertThat(((Number) detail.path("orderedTotal")).longValue()).isEqualTo(7_200_000L);
        assertThat(((Number) detail.path("plan.amountPerFamily")).longValue()).isEqualTo(PER_FAMILY);
        assertThat(detail.<Integer>path("rejectedBeneficiaries")).isZero();

        var page = json(DINSOS).queryParam("planId", planId).queryParam("size", 50)
                .get(stack.url("disbursement") + "/api/v1/orders").then().statusCode(200).extract();
        List<Map<String, Object>> items = page.path("items");
        assertThat(items).hasSize(8);
        for (var f : ELIGIBLE) {
            var order = items.stream().filter(o -> households.get(f).toString().equals(o.get("householdId"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no order for " + f.key()));
            assertThat(order.get("status")).isEqualTo("READY");
            assertThat(order.get("channel")).isEqualTo("POS");
            assertThat(((Number) order.get("amount")).longValue()).isEqualTo(PER_FAMILY);
            orders.put(f, UUID.fromString((String) order.get("id")));
        }
        return planId;
    }

    // ---- 5. pay points, windows, schedule, invitations

    String schedule(String planId) {
        payPoint("KPC-JEPARA-59411", "POST_OFFICE", "Kantor Pos Jepara", DISTRICT, 3);
        payPoint("BALAI-KARANGKEBAGUSAN", "COMMUNITY_POINT", "Balai Kelurahan Karangkebagusan", VILLAGE, 3);

        // the services read the real clock: the windows are laid around today so that payments happen inside them
        var today = LocalDate.now(WIB);
        windows(planId, today.minusDays(2), today, today.plusDays(3), today.plusDays(6), today.plusDays(7), today.plusDays(9))
                .then().statusCode(200);

        String jobId = json(DINSOS).post(stack.url("disbursement") + "/api/v1/plans/" + planId + "/schedule")
                .then().statusCode(202).extract().path("id");
        var job = awaitValue("schedule job", () -> {
            var r = json(DINSOS).get(stack.url("disbursement") + "/api/v1/schedule-jobs/" + jobId);
            return Set.of("DONE", "FAILED").contains(r.<String>path("status")) ? r : null;
        });
        assertThat(job.<String>path("status")).isEqualTo("DONE");
        assertThat(job.<Integer>path("ordersToPlace")).isEqualTo(8);
        assertThat(job.<Integer>path("scheduled")).isEqualTo(8);
        assertThat(job.<Integer>path("noPayPoint")).isZero();
        assertThat(job.<Integer>path("overCapacity")).isZero();

        var load = json(DINSOS).get(stack.url("disbursement") + "/api/v1/plans/" + planId + "/schedule").then().statusCode(200).extract();
        List<Map<String, Object>> days = load.jsonPath().getList("$");
        assertThat(days.stream().mapToLong(d -> ((Number) d.get("families")).longValue()).sum()).isEqualTo(8);
        assertThat(days).allSatisfy(d -> assertThat(((Number) d.get("families")).intValue())
                .isLessThanOrEqualTo(((Number) d.get("capacityPerDay")).intValue()));
        // the village's own community point, three families a day
        assertThat(days).allSatisfy(d -> assertThat(d.get("payPointCode")).isEqualTo("BALAI-KARANGKEBAGUSAN"));

        var pdf = given().auth().oauth2(OPERATOR).queryParam("planId", planId).queryParam("villageCode", VILLAGE)
                .get(stack.url("disbursement") + "/api/v1/invitations").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        var invitation = json(PETUGAS).get(stack.url("disbursement") + "/api/v1/invitations/" + orders.get(PAID_RECIPIENT))
                .then().statusCode(200).extract();
        assertThat(((Number) invitation.path("amount")).longValue()).isEqualTo(PER_FAMILY);
        assertThat(invitation.<String>path("payPointCode")).isEqualTo("BALAI-KARANGKEBAGUSAN");
        assertThat(invitation.<String>path("recipientNik")).doesNotContain(PAID_RECIPIENT.head().nik().substring(6));
        String code = invitation.path("code");
        assertThat(code).matches("[A-Z2-7]{26}");
        return code;
    }

    void payPoint(String code, String kind, String name, String region, int capacity) {
        json(DINSOS).body("{\"code\": \"%s\", \"kind\": \"%s\", \"name\": \"%s\", \"regionCode\": \"%s\", \"capacityPerDay\": %d}"
                .formatted(code, kind, name, region, capacity)).post(stack.url("disbursement") + "/api/v1/pay-points")
                .then().statusCode(201);
    }

    Response windows(String planId, LocalDate counterFrom, LocalDate communityFrom, LocalDate communityTo, LocalDate lateUntil,
            LocalDate reconciliationFrom, LocalDate reconciliationTo) {
        return json(DINSOS).body("""
                {"counterFrom": "%s", "communityFrom": "%s", "communityTo": "%s", "lateUntil": "%s",
                 "reconciliationFrom": "%s", "reconciliationTo": "%s"}""".formatted(counterFrom, communityFrom, communityTo,
                lateUntil, reconciliationFrom, reconciliationTo)).put(stack.url("disbursement") + "/api/v1/plans/" + planId + "/windows");
    }

    // ---- 6. payments

    void payments(String planId, String invitationCode) throws Exception {
        // the recipient, by the scanned invitation code; the retry with the same key gets the same payment
        var body = payment(null, invitationCode, PAID_RECIPIENT.head().nik(), "RECIPIENT", null);
        var first = pay("counter-1-" + UUID.randomUUID(), body);
        var key = first.key;
        first.response.then().statusCode(201);
        String paymentId = first.response.path("id");
        assertThat(first.response.<String>path("orderId")).isEqualTo(orders.get(PAID_RECIPIENT).toString());
        var retry = pay(key, body).response;
        retry.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(retry.<String>path("id")).isEqualTo(paymentId);
        // a forged code tells nothing
        pay("forged-" + UUID.randomUUID(), payment(null, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", PAID_RECIPIENT.head().nik(), "RECIPIENT", null))
                .response.then().statusCode(422);

        // a kuasa: the wife, showing the family's KK
        var kuasa = pay("counter-2-" + UUID.randomUUID(),
                payment(orders.get(PAID_KUASA), null, PAID_KUASA.spouse().nik(), "KUASA", PAID_KUASA.noKk())).response;
        kuasa.then().statusCode(201);
        assertThat(kuasa.<String>path("presenterRole")).isEqualTo("KUASA");
        // someone from another KK is refused
        pay("counter-2b-" + UUID.randomUUID(), payment(orders.get(LATE_PAYMENT), null, PAID_KUASA.spouse().nik(), "KUASA",
                PAID_KUASA.noKk())).response.then().statusCode(422);

        // a concurrent double scan: several counters, several keys, one order
        var scan = payment(orders.get(DOUBLE_SCAN), null, DOUBLE_SCAN.head().nik(), "RECIPIENT", null);
        int counters = 6;
        var statuses = new ConcurrentLinkedQueue<Integer>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(counters)) {
            for (int i = 0; i < counters; i++) {
                int n = i;
                pool.submit(() -> {
                    start.await();
                    statuses.add(pay("scan-" + n + "-" + UUID.randomUUID(), scan).response.statusCode());
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(statuses).hasSize(counters);
        assertThat(statuses.stream().filter(s -> s == 201).count()).as("exactly one payment of " + statuses).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(counters - 1);
        var scanned = json(DINSOS).get(stack.url("disbursement") + "/api/v1/orders/" + orders.get(DOUBLE_SCAN)).then()
                .statusCode(200).extract();
        assertThat(scanned.<String>path("status")).isEqualTo("PAID");
        assertThat(scanned.<String>path("payment.id")).isNotNull();

        // the widow, recipient in her own name
        pay("counter-3-" + UUID.randomUUID(), payment(orders.get(WIDOW), null, WIDOW.spouse().nik(), "RECIPIENT", null))
                .response.then().statusCode(201);
        pay("counter-4-" + UUID.randomUUID(), payment(orders.get(TOLAK), null, TOLAK.head().nik(), "RECIPIENT", null))
                .response.then().statusCode(201);

        try (var c = stack.jdbc("disbursement"); var s = c.createStatement();
                var rs = s.executeQuery("select count(*), count(distinct order_id), coalesce(sum(amount), 0) from payment")) {
            rs.next();
            assertThat(rs.getLong(1)).as("payments").isEqualTo(5);
            assertThat(rs.getLong(2)).as("orders paid").isEqualTo(5);
            assertThat(rs.getLong(3)).isEqualTo(5 * PER_FAMILY);
        }
        var byStatus = statusTotals(planId);
        assertThat(byStatus.get("PAID")).containsExactly(5L, 4_500_000L);
        assertThat(byStatus.get("READY")).containsExactly(3L, 2_700_000L);
    }

    record Attempt(String key, Response response) {
    }

    Attempt pay(String key, String body) {
        return new Attempt(key, json(PETUGAS).header("Idempotency-Key", key).body(body)
                .post(stack.url("disbursement") + "/api/v1/payments"));
    }

    static String payment(UUID orderId, String code, String presenterNik, String role, String noKk) {
        return """
                {%s %s "presenterNik": "%s", "presenterRole": "%s", %s "payPointCode": "BALAI-KARANGKEBAGUSAN",
                 "latitude": -6.5712, "longitude": 110.6780, "photoSha256": "%s"}""".formatted(
                orderId == null ? "" : "\"orderId\": \"" + orderId + "\",", code == null ? "" : "\"invitationCode\": \"" + code + "\",",
                presenterNik, role, noKk == null ? "" : "\"noKk\": \"" + noKk + "\",", sha256(presenterNik + role));
    }

    Map<String, List<Long>> statusTotals(String planId) {
        var detail = json(DINSOS).get(stack.url("disbursement") + "/api/v1/plans/" + planId).then().statusCode(200).extract();
        List<Map<String, Object>> rows = detail.path("byStatus");
        var out = new LinkedHashMap<String, List<Long>>();
        rows.forEach(r -> out.put((String) r.get("status"),
                List.of(((Number) r.get("orders")).longValue(), ((Number) r.get("amount")).longValue())));
        return out;
    }

    // ---- 7. a death before payment

    void deathBlocks(String planId) {
        var died = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        json(OPERATOR).body("{\"date\": \"%s\", \"reference\": \"Surat Keterangan Kematian 474.3/117/2025\"}".formatted(died))
                .post(stack.url("registry") + "/api/v1/persons/" + DIES_BEFORE_PAYMENT.head().nik() + "/death")
                .then().statusCode(200);
        var order = awaitValue("order of " + DIES_BEFORE_PAYMENT.key() + " blocked", () -> {
            var r = json(DINSOS).get(stack.url("disbursement") + "/api/v1/orders/" + orders.get(DIES_BEFORE_PAYMENT));
            return "BLOCKED".equals(r.path("status")) ? r : null;
        });
        assertThat(order.<String>path("statusReason")).isEqualTo("DECEASED");
        pay("counter-5-" + UUID.randomUUID(), payment(orders.get(DIES_BEFORE_PAYMENT), null, DIES_BEFORE_PAYMENT.head().nik(),
                "RECIPIENT", null)).response.then().statusCode(409);
        // the widow cannot collect as kuasa either: the order itself is blocked
        pay("counter-6-" + UUID.randomUUID(), payment(orders.get(DIES_BEFORE_PAYMENT), null, DIES_BEFORE_PAYMENT.spouse().nik(),
                "KUASA", DIES_BEFORE_PAYMENT.noKk())).response.then().statusCode(409);
        assertThat(statusTotals(planId).get("BLOCKED")).containsExactly(1L, PER_FAMILY);

        // Cek Bansos by the surviving wife: listed, payment held
        var answer = awaitValue("status check shows the block", () -> {
            var r = status(DIES_BEFORE_PAYMENT.spouse().nik());
            return "BLOCKED".equals(r.path("programs.find { it.programCode == 'BLTS_KESRA_2025' }.paymentStatus")) ? r : null;
        });
        assertThat(answer.<String>path("programs.find { it.programCode == 'BLTS_KESRA_2025' }.status")).isEqualTo("TERDAFTAR");
        assertThat(answer.<String>path("programs.find { it.programCode == 'BLTS_KESRA_2025' }.note")).contains("ditahan");
    }

    // ---- 8. close collection

    void closeCollection(String planId) {
        json(DINSOS).body("{}").post(stack.url("disbursement") + "/api/v1/plans/" + planId + "/close-collection")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.containsString("collection-open"));
        // The services read the system clock and cannot be moved from outside: the passing of the collection
        // period is modelled by moving the plan's windows into the past, which the API allows until closing.
        var today = LocalDate.now(WIB);
        windows(planId, today.minusDays(20), today.minusDays(16), today.minusDays(12), today.minusDays(3), today.minusDays(2),
                today.plusDays(2)).then().statusCode(200);
        var closed = json(DINSOS).body("{}").post(stack.url("disbursement") + "/api/v1/plans/" + planId + "/close-collection")
                .then().statusCode(200).extract();
        assertThat(closed.<Integer>path("failed")).isEqualTo(3);
        List<Map<String, Object>> byReason = closed.path("byReason");
        var reasons = new LinkedHashMap<String, List<Long>>();
        byReason.forEach(r -> reasons.put((String) r.get("reason"),
                List.of(((Number) r.get("orders")).longValue(), ((Number) r.get("amount")).longValue())));
        assertThat(reasons).containsOnlyKeys("DECEASED", "NOT_COLLECTED");
        assertThat(reasons.get("DECEASED")).containsExactly(1L, PER_FAMILY);
        assertThat(reasons.get("NOT_COLLECTED")).containsExactly(2L, 2 * PER_FAMILY);
        // a closed collection pays no more at the counter
        pay("counter-7-" + UUID.randomUUID(), payment(orders.get(LATE_PAYMENT), null, LATE_PAYMENT.head().nik(), "RECIPIENT", null))
                .response.then().statusCode(409);
    }

    // ---- 9. reconciliation

    void reconcile(String planId) {
        var base = stack.url("disbursement") + "/api/v1/plans/" + planId + "/reconciliations/" + VILLAGE;
        var today = LocalDate.now(WIB);
        var late = correction(orders.get(LATE_PAYMENT), today.minusDays(4).atTime(LocalTime.of(10, 15)).atZone(WIB).toInstant());
        // nothing is corrected without the village's SPTJM
        json(OPERATOR).body(late).post(base + "/corrections").then().statusCode(409);
        json(OPERATOR).body("""
                {"signerName": "SUGENG RAHARJO", "signerPosition": "Lurah Karangkebagusan", "signedOn": "%s",
                 "documentRef": "SPTJM/400.9/045/XII/2025", "documentSha256": "%s"}""".formatted(today, sha256("sptjm")))
                .post(base).then().statusCode(201);
        // the family had collected on the last late day, reported after closing
        json(OPERATOR).body(late).post(base + "/corrections").then().statusCode(201);
        var closed = json(DINSOS).post(base + "/close").then().statusCode(200).extract();
        long planned = ((Number) closed.path("plannedTotal")).longValue();
        long paid = ((Number) closed.path("paidTotal")).longValue();
        long returned = ((Number) closed.path("returnedTotal")).longValue();
        assertThat(closed.<Integer>path("orders")).isEqualTo(8);
        assertThat(planned).isEqualTo(7_200_000L);
        assertThat(paid).isEqualTo(6 * PER_FAMILY);
        assertThat(returned).isEqualTo(2 * PER_FAMILY);
        assertThat(planned).isEqualTo(paid + returned);
        assertThat(closed.<List<String>>path("corrections.kind")).containsExactly("LATE_PAYMENT");

        var report = json(DINSOS).queryParam("planId", planId).queryParam("regionCode", VILLAGE).queryParam("level", "VILLAGE")
                .get(stack.url("disbursement") + "/api/v1/reports/realisation").then().statusCode(200).extract();
        assertThat(((Number) report.path("total.families")).longValue()).isEqualTo(8);
        assertThat(((Number) report.path("total.planned")).longValue()).isEqualTo(planned);
        assertThat(((Number) report.path("total.paidFamilies")).longValue()).isEqualTo(6);
        assertThat(((Number) report.path("total.paid")).longValue()).isEqualTo(paid);
        assertThat(((Number) report.path("total.returned")).longValue()).isEqualTo(returned);
        assertThat(((Number) report.path("total.failedFamilies")).longValue()).isEqualTo(2);
        assertThat(((Number) report.path("total.pending")).longValue()).isZero();
        assertThat(((Number) report.path("total.percentComplete")).doubleValue()).isEqualTo(75.0);
        var csv = given().auth().oauth2(DINSOS).queryParam("planId", planId).queryParam("regionCode", VILLAGE)
                .queryParam("format", "csv").get(stack.url("disbursement") + "/api/v1/reports/realisation")
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains(VILLAGE).contains("7200000").contains("5400000").contains("1800000");

        var byStatus = statusTotals(planId);
        assertThat(byStatus.get("PAID")).containsExactly(6L, 5_400_000L);
        assertThat(byStatus.get("FAILED")).containsExactly(2L, 1_800_000L);
        assertThat(byStatus.get("READY")).containsExactly(0L, 0L);
        assertThat(byStatus.get("BLOCKED")).containsExactly(0L, 0L);
    }

    String correction(UUID orderId, Instant paidAt) {
        return """
                {"orderId": "%s", "kind": "LATE_PAYMENT", "proofSha256": "%s", "detail": "dibayar di kantor pos, laporan terlambat",
                 "paidAt": "%s", "presenterNik": "%s", "presenterRole": "RECIPIENT", "payPointCode": "KPC-JEPARA-59411",
                 "officer": "petugas-pos-jepara", "latitude": -6.5890, "longitude": 110.6685}""".formatted(orderId,
                sha256("proof-late"), paidAt, LATE_PAYMENT.head().nik());
    }

    // ---- 10. complaints flowing back

    void complaints() throws Exception {
        // a neighbour disputes F06 (sanggah), the Dinsos verifies and upholds it
        var sanggah = json(null).body("""
                {"type": "SANGGAH", "channel": "WEB", "villageCode": "%s", "householdId": "%s", "programCode": "%s",
                 "description": "Penerima ini mampu.", "reporter": {"nik": "%s", "villageCode": "%s"},
                 "sanggah": {"reason": "Rumah permanen dan punya mobil", "statement": "Saya tetangga, melihat sendiri.",
                             "photoRef": "photos/f06.jpg", "latitude": -6.5887, "longitude": 110.6684}}"""
                .formatted(VILLAGE, households.get(SANGGAH), PROGRAM, DESIL_5.head().nik(), VILLAGE))
                .post(stack.url("complaint") + "/api/v1/cases").then().statusCode(201).extract();
        String sanggahNumber = sanggah.path("number");
        assertThat(sanggahNumber).startsWith("SGH-");
        assertThat(sanggah.<String>path("handledBy.level")).isEqualTo("REGENCY");
        act(OPERATOR, sanggahNumber, "{\"action\": \"VERIFY\", \"note\": \"cek\"}").then().statusCode(403);
        act(DINSOS, sanggahNumber, "{\"action\": \"VERIFY\", \"note\": \"survei rumah\"}").then().statusCode(200);
        act(DINSOS, sanggahNumber, "{\"action\": \"RESOLVE\", \"outcomeDetail\": \"rumah permanen, punya mobil\", "
                + "\"attachments\": [\"photos/survei-f06.jpg\"]}").then().statusCode(200);

        // F13 declines (tolak) at the village office
        var tolak = json(null).body("""
                {"type": "TOLAK", "channel": "APP", "villageCode": "%s", "householdId": "%s", "programCode": "%s",
                 "description": "Keluarga sudah berdaya, mundur dari BLTS Kesra.", "reporter": {"nik": "%s", "villageCode": "%s"}}"""
                .formatted(VILLAGE, households.get(TOLAK), PROGRAM, TOLAK.head().nik(), VILLAGE))
                .post(stack.url("complaint") + "/api/v1/cases").then().statusCode(201).extract();
        String tolakNumber = tolak.path("number");
        act(OPERATOR, tolakNumber, "{\"action\": \"VERIFY\", \"note\": \"KPM datang sendiri\"}").then().statusCode(200);
        act(OPERATOR, tolakNumber, "{\"action\": \"RESOLVE\", \"outcomeDetail\": \"sudah berdaya\"}").then().statusCode(200);

        // eligibility: the sanggah household is no longer eligible, with the sanggah as reason
        var upheld = awaitValue("sanggah reaches eligibility", () -> {
            var r = determination(households.get(SANGGAH));
            return Boolean.FALSE.equals(r.path("determinations[0].eligible")) ? r : null;
        });
        assertThat(upheld.<List<String>>path("determinations[0].reasons.code")).containsExactly("SANGGAH_UPHELD");
        assertThat(upheld.<String>path("determinations[0].reasons[0].id")).contains("sanggah");

        // the tolak applies from the period after the one it was decided in; this period stays as decided
        var decidedPeriod = nextPeriod(LocalDate.now(WIB));
        var fromPeriod = awaitValue("tolak reaches eligibility", () -> query("eligibility",
                "select from_period from complaint_finding where case_number = '" + tolakNumber + "'"));
        assertThat(fromPeriod).isEqualTo(decidedPeriod);
        assertThat(determination(households.get(TOLAK)).<Boolean>path("determinations[0].eligible")).isTrue();

        // the registry keeps both findings against the households
        var sanggahFinding = awaitValue("sanggah reaches the registry", () -> query("registry",
                "select outcome || ' ' || household_id from household_finding where case_number = '" + sanggahNumber + "'"));
        assertThat(sanggahFinding).isEqualTo("SANGGAH_UPHELD " + households.get(SANGGAH));
        var tolakFinding = awaitValue("tolak reaches the registry", () -> query("registry",
                "select outcome || ' ' || household_id || ' ' || program_code from household_finding where case_number = '"
                        + tolakNumber + "'"));
        assertThat(tolakFinding).isEqualTo("TOLAK_ACCEPTED " + households.get(TOLAK) + " " + PROGRAM);
    }

    // ---- 10b. a partner system that knows only complaint-service's OpenAPI document

    void generatedClient() throws Exception {
        var client = new id.lumbung.client.complaint.ApiClient();
        client.updateBaseUri(stack.url("complaint"));
        var cases = new id.lumbung.client.complaint.api.CasesApi(client);

        var submitted = cases.submitCase(new id.lumbung.client.complaint.model.CaseSubmission()
                .type(id.lumbung.client.complaint.model.CaseType.ADUAN)
                .channel(id.lumbung.client.complaint.model.CaseChannel.WEB)
                .villageCode(VILLAGE).programCode(PROGRAM)
                .description("Bantuan belum diterima, mohon dicek.")
                .reporter(new id.lumbung.client.complaint.model.CaseReporter().nik(NO_DESIL.head().nik())
                        .villageCode(VILLAGE)));
        assertThat(submitted.getNumber()).startsWith("ADU-");
        assertThat(submitted.getSecret()).isNotBlank();

        var tracked = cases.trackCase(submitted.getNumber(), submitted.getSecret());
        assertThat(tracked.getNumber()).isEqualTo(submitted.getNumber());
        assertThat(tracked.getStatus()).isEqualTo(id.lumbung.client.complaint.model.CaseStatus.SUBMITTED);
        assertThat(tracked.getReporterNik()).doesNotContain(NO_DESIL.head().nik().substring(6, 12));

        // a refusal arrives as the documented problem, readable with the generated Problem model
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                id.lumbung.client.complaint.ApiException.class,
                () -> cases.trackCase(submitted.getNumber(), "x".repeat(40)));
        assertThat(refused.getCode()).isEqualTo(404);
        var problem = client.getObjectMapper().readValue(refused.getResponseBody(),
                id.lumbung.client.complaint.model.Problem.class);
        assertThat(problem.getStatus()).isEqualTo(refused.getCode());
        assertThat(problem.getType()).isNotNull();
    }

    Response act(String token, String number, String body) {
        return json(token).body(body).post(stack.url("complaint") + "/api/v1/cases/" + number + "/actions");
    }

    static String nextPeriod(LocalDate date) {
        int quarter = (date.getMonthValue() - 1) / 3 + 1;
        return quarter == 4 ? (date.getYear() + 1) + "-Q1" : date.getYear() + "-Q" + (quarter + 1);
    }

    String query(String service, String sql) {
        try (var c = stack.jdbc(service); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- 11. Cek Bansos

    void statusCheck() {
        var paid = awaitValue("paid family shows DIBAYAR", () -> {
            var r = status(PAID_RECIPIENT.head().nik());
            return "DIBAYAR".equals(kesra(r, "status")) ? r : null;
        });
        assertThat(paid.<String>path("status")).isEqualTo("DITEMUKAN");
        assertThat(paid.<String>path("name")).isNotEqualTo(PAID_RECIPIENT.head().name());
        assertThat(paid.<String>path("desil")).isEqualTo("Desil 1");
        assertThat(kesra(paid, "paymentStatus")).isEqualTo("PAID");
        // the kuasa's family and the late payment show as paid too
        assertThat(kesra(status(PAID_KUASA.head().nik()), "status")).isEqualTo("DIBAYAR");
        assertThat(kesra(awaitValue("late payment reported", () -> {
            var r = status(LATE_PAYMENT.spouse().nik());
            return "DIBAYAR".equals(kesra(r, "status")) ? r : null;
        }), "status")).isEqualTo("DIBAYAR");
        // the widow's household, paid to her
        assertThat(kesra(status(WIDOW.spouse().nik()), "status")).isEqualTo("DIBAYAR");

        // the deceased recipient's family: listed, payment failed for his death
        var deceased = awaitValue("deceased family shows the failure", () -> {
            var r = status(DIES_BEFORE_PAYMENT.spouse().nik());
            return "FAILED".equals(kesra(r, "paymentStatus")) ? r : null;
        });
        assertThat(kesra(deceased, "status")).isEqualTo("TERDAFTAR");
        assertThat(kesra(deceased, "note")).startsWith("Terdaftar");

        var asn = status(ASN.spouse().nik());
        assertThat(asn.<String>path("status")).isEqualTo("DITEMUKAN");
        assertThat(kesra(asn, "status")).isEqualTo("TIDAK_MEMENUHI_SYARAT");
        assertThat(kesra(asn, "note")).contains("ASN").doesNotContain("WIDODO");

        var noDesil = status(NO_DESIL.head().nik());
        assertThat(noDesil.<String>path("desil")).isEqualTo("belum ada desil");
        assertThat(kesra(noDesil, "status")).isEqualTo("TIDAK_MEMENUHI_SYARAT");

        var unknown = status("3320060101900999");
        assertThat(unknown.<String>path("status")).isEqualTo("TIDAK_DITEMUKAN");
        assertThat(unknown.<String>path("name")).isNull();
        assertThat(unknown.<List<?>>path("programs")).isEmpty();
        assertThat(unknown.jsonPath().getMap("$").keySet()).isEqualTo(paid.jsonPath().getMap("$").keySet());

        // by name and village, as on the KTP
        var byName = solveAndCheck("{\"fullName\": \"%s\", \"villageCode\": \"%s\"}".formatted(TOLAK.head().name(), VILLAGE));
        assertThat(kesra(byName, "status")).isEqualTo("DIBAYAR");
    }

    // ---- 12. erasure

    void erasure() {
        UUID household = households.get(DESIL_8);
        assertThat(determination(household).<List<?>>path("determinations")).hasSize(1);
        awaitValue("complaint-service knows the household", () -> json(KEMENSOS)
                .get(stack.url("complaint") + "/api/v1/explanations/" + household).statusCode() == 200 ? true : null);
        String etag = json(KEMENSOS).get(stack.url("registry") + "/api/v1/households/" + household)
                .then().statusCode(200).extract().header("ETag");
        json(KEMENSOS).header("If-Match", etag)
                .body("{\"reason\": \"KK didaftarkan ganda oleh operator\", \"reference\": \"BA-VERVAL/3320/2025/119\"}")
                .post(stack.url("registry") + "/api/v1/households/" + household + "/erasure")
                .then().statusCode(200).body("personsErased", org.hamcrest.Matchers.equalTo(1));
        json(KEMENSOS).get(stack.url("registry") + "/api/v1/households/" + household).then().statusCode(404);

        // the tombstone reaches eligibility (and, through its own tombstones, complaint) and the citizen's page
        awaitValue("eligibility forgets it", () -> {
            var r = determination(household);
            return r.statusCode() == 404 || r.statusCode() == 200 && r.<List<?>>path("determinations").isEmpty() ? true : null;
        });
        awaitValue("complaint forgets it", () -> json(KEMENSOS)
                .get(stack.url("complaint") + "/api/v1/explanations/" + household).statusCode() == 404 ? true : null);
        assertThat(status(DESIL_8.head().nik()).<String>path("status")).isEqualTo("TIDAK_DITEMUKAN");
    }

    static String kesra(Response r, String field) {
        return r.path("programs.find { it.programCode == 'BLTS_KESRA_2025' && it.period == '2025-Q4' }." + field);
    }

    Response status(String nik) {
        return solveAndCheck("{\"nik\": \"%s\"}".formatted(nik));
    }

    Response solveAndCheck(String query) {
        var challenge = json(null).post(stack.url("eligibility") + "/api/v1/status/challenges").then().statusCode(200).extract();
        String nonce = challenge.path("nonce");
        int difficulty = challenge.path("difficulty");
        String solution = solve(nonce, difficulty);
        var body = "{\"challenge\": \"%s\", \"solution\": \"%s\", %s".formatted(challenge.<String>path("challenge"), solution,
                query.substring(1));
        var r = json(null).body(body).post(stack.url("eligibility") + "/api/v1/status");
        r.then().statusCode(200);
        return r;
    }

    static String solve(String nonce, int bits) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (long i = 0; ; i++) {
                var hash = digest.digest((nonce + i).getBytes(StandardCharsets.UTF_8));
                if (leadingZeroBits(hash) >= bits) {
                    return Long.toString(i);
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }

    // ---- plumbing

    static RequestSpecification json(String token) {
        // as an operator's tool does, every request says why (reads of personal data require it)
        var spec = given().contentType(ContentType.JSON).accept(ContentType.JSON).header("X-Purpose", "skenario BLTS Kesra");
        return token == null ? spec : spec.auth().oauth2(token);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code probe} gives a value: events cross services asynchronously. */
    static <T> T awaitValue(String what, Supplier<T> probe) {
        var deadline = Instant.now().plus(PROPAGATION);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                var value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + PROPAGATION + " waiting for " + what, last);
    }

    interface Step<T> {
        T run() throws Exception;
    }

    interface VoidStep {
        void run() throws Exception;
    }

    static <T> T step(String name, Step<T> step) throws Exception {
        long started = System.nanoTime();
        var result = step.run();
        System.out.printf("[e2e] %-45s %6d ms%n", name, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    static void stage(String name, VoidStep step) throws Exception {
        step(name, () -> {
            step.run();
            return null;
        });
    }

}
