package id.lumbung.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Families, beneficiary lists and registry events as the other services send them, and database look-ups. */
public final class Fixtures {

    public static final String REGION = "33.20";
    public static final String VILLAGE = "33.20.06.1001";
    public static final String LISTS_TOPIC = "eligibility.beneficiary-lists.v1";
    public static final String HOUSEHOLDS_TOPIC = "registry.households.v1";
    public static final long PER_MONTH = 300_000;
    public static final int MONTHS = 3;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 5000) + 1);

    private Fixtures() {
    }

    /** A family of three: the wife is the designated recipient, the husband and a child may act as kuasa. */
    public record Family(UUID householdId, String noKk, String villageCode, boolean kksCard, String recipientNik,
            String husbandNik, String childNik) {

        public List<String> niks() {
            return List.of(recipientNik, husbandNik, childNik);
        }
    }

    public static Family family(boolean kksCard) {
        int n = 1 + SERIAL.getAndIncrement() % 9998;
        String serial = "%04d".formatted(n);
        return new Family(UUID.randomUUID(), "3320060101" + "20" + serial, VILLAGE, kksCard,
                "3320064107870" + "%03d".formatted(n % 999 + 1), "332006010785" + serial, "332006050510" + serial);
    }

    public static Map<String, Object> beneficiary(Family f) {
        var b = new LinkedHashMap<String, Object>();
        b.put("householdId", f.householdId().toString());
        b.put("noKk", f.noKk());
        b.put("villageCode", f.villageCode());
        b.put("desil", 1);
        b.put("kksCard", f.kksCard());
        b.put("recipientNik", f.recipientNik());
        b.put("recipientName", "SITI AMINAH");
        b.put("members", List.of(Map.of("nik", f.recipientNik(), "relationship", "ISTRI"),
                Map.of("nik", f.husbandNik(), "relationship", "KEPALA_KELUARGA"),
                Map.of("nik", f.childNik(), "relationship", "ANAK")));
        return b;
    }

    /** One chunk of a finalized list, as a CloudEvent. */
    public static byte[] chunk(String listId, int index, int count, int total, List<Map<String, Object>> beneficiaries) {
        var data = new LinkedHashMap<String, Object>();
        data.put("listId", listId);
        data.put("programCode", "BLTS_KESRA");
        data.put("period", "2025-Q4");
        data.put("regionCode", REGION);
        data.put("amountPerMonth", PER_MONTH);
        data.put("months", MONTHS);
        data.put("lumpSum", true);
        data.put("finalizedAt", "2025-11-14T02:00:00Z");
        data.put("chunkIndex", index);
        data.put("chunkCount", count);
        data.put("totalBeneficiaries", total);
        data.put("beneficiaries", beneficiaries);
        return EventEnvelope.serialize(JSON, "/lumbung/eligibility-service",
                "id.lumbung.eligibility.beneficiary-list.finalized", listId, Instant.now(), data);
    }

    /** Publishes a one-chunk list for these families and waits until its orders exist; returns household → order. */
    public static Map<UUID, UUID> listed(AgroalDataSource db, Family... families) {
        String listId = "BL-" + UUID.randomUUID();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var f : families) {
            rows.add(beneficiary(f));
        }
        TestTopics.send(LISTS_TOPIC, listId, chunk(listId, 0, 1, families.length, rows));
        await(() -> count(db, "select count(*) from payment_order o join disbursement_plan p on p.id = o.plan_id where p.list_id = '"
                + listId + "'") == families.length, Duration.ofSeconds(30));
        var orders = new LinkedHashMap<UUID, UUID>();
        for (var f : families) {
            orders.put(f.householdId(), UUID.fromString(text(db,
                    "select id::text from payment_order where household_id = '" + f.householdId() + "'")));
        }
        return orders;
    }

    /** The household as the registry publishes it, with a life status per member (null = left the KK). */
    public static byte[] household(Family f, long version, String recipient, String husband, String child) {
        var members = new ArrayList<Map<String, Object>>();
        addMember(members, f.recipientNik(), "SITI AMINAH", "FEMALE", "ISTRI", recipient);
        addMember(members, f.husbandNik(), "BUDI SANTOSO", "MALE", "KEPALA_KELUARGA", husband);
        addMember(members, f.childNik(), "ANDI", "MALE", "ANAK", child);
        var data = new LinkedHashMap<String, Object>();
        data.put("householdId", f.householdId().toString());
        data.put("noKk", f.noKk());
        data.put("villageCode", f.villageCode());
        data.put("desil", 1);
        data.put("desilPeriod", "2025-Q4");
        data.put("status", "ACTIVE");
        data.put("version", version);
        data.put("kksCard", f.kksCard());
        data.put("monthlyIncome", 900_000);
        data.put("members", members);
        return EventEnvelope.serialize(JSON, "/lumbung/registry-service", "id.lumbung.registry.household.updated",
                f.householdId().toString(), Instant.now(), data);
    }

    private static void addMember(List<Map<String, Object>> members, String nik, String name, String sex,
            String relationship, String lifeStatus) {
        if (lifeStatus == null) {
            return;
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("nik", nik);
        m.put("fullName", name);
        m.put("sex", sex);
        m.put("birthDate", "1985-07-01");
        m.put("relationship", relationship);
        m.put("disability", null);
        m.put("employment", List.of());
        m.put("lifeStatus", lifeStatus);
        m.put("deathDate", "DECEASED".equals(lifeStatus) ? "2025-11-18" : null);
        members.add(m);
    }

    public static void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                assertThat(condition.getAsBoolean()).as("condition within " + timeout).isTrue();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static long count(AgroalDataSource db, String sql) {
        return Long.parseLong(text(db, sql));
    }

    public static String text(AgroalDataSource db, String sql) {
        try (var c = db.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sql(AgroalDataSource db, String statement) {
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
