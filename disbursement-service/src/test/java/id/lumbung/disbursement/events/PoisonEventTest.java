package id.lumbung.disbursement.events;

import static id.lumbung.disbursement.Fixtures.await;
import static id.lumbung.disbursement.Fixtures.count;
import static id.lumbung.disbursement.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.disbursement.Fixtures;
import id.lumbung.platform.events.EventEnvelope;
import id.lumbung.platform.testing.Quarantined;
import id.lumbung.platform.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each of disbursement's consumers meets an event it cannot apply between good ones: the good ones are applied,
 * the bad one is quarantined and visible, the later events of its key wait, and a replay after the fix applies
 * them exactly once.
 */
@QuarkusTest
class PoisonEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @Test
    void aHouseholdStateThatCannotBeKeptWaitsWithItsLaterStatesUntilTheReplay() {
        var poisoned = Fixtures.family(false);
        var fine = Fixtures.family(false);
        Quarantined.refuse(db, "household_life", "new.household_id = '" + poisoned.householdId() + "'");
        try {
            byte[] first = Fixtures.household(poisoned, 1, "ALIVE", "ALIVE", "ALIVE");
            byte[] second = Fixtures.household(poisoned, 2, "DECEASED", "ALIVE", "ALIVE");
            TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, poisoned.householdId().toString(), first);
            TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, poisoned.householdId().toString(), second);
            TestTopics.send(Fixtures.HOUSEHOLDS_TOPIC, fine.householdId().toString(),
                    Fixtures.household(fine, 1, "ALIVE", "ALIVE", "ALIVE"));

            await(() -> count(db, "select count(*) from household_life where household_id = '" + fine.householdId() + "'") == 1,
                    Duration.ofSeconds(60));
            long head = Quarantined.await(db, "disbursement.households", id(first), "QUARANTINED");
            Quarantined.await(db, "disbursement.households", id(second), "HELD");
            assertThat(count(db, "select count(*) from household_life where household_id = '" + poisoned.householdId() + "'"))
                    .isZero();

            Quarantined.lift(db, "household_life");
            assertThat(Quarantined.replay(head).getList("applied")).hasSize(2);
            assertThat(count(db, "select registry_version from household_life where household_id = '"
                    + poisoned.householdId() + "'")).isEqualTo(2);
        } finally {
            Quarantined.lift(db, "household_life");
        }
    }

    @Test
    void aListChunkThatCannotBePlannedIsQuarantinedAndTheNextChunkOfTheListWaits() {
        String listId = "BL-" + UUID.randomUUID();
        String otherList = "BL-" + UUID.randomUUID();
        var a = Fixtures.family(false);
        var b = Fixtures.family(false);
        Quarantined.refuse(db, "payment_order", "new.household_id = '" + a.householdId() + "'");
        try {
            byte[] first = Fixtures.chunk(listId, 0, 2, 2, List.of(Fixtures.beneficiary(a)));
            byte[] second = Fixtures.chunk(listId, 1, 2, 2, List.of(Fixtures.beneficiary(b)));
            byte[] other = Fixtures.chunk(otherList, 0, 1, 1, List.of(Fixtures.beneficiary(Fixtures.family(true))));
            TestTopics.send(Fixtures.LISTS_TOPIC, listId, first);
            TestTopics.send(Fixtures.LISTS_TOPIC, listId, second);
            TestTopics.send(Fixtures.LISTS_TOPIC, otherList, other);

            await(() -> "COMPLETE".equals(text(db, "select status from disbursement_plan where list_id = '" + otherList + "'")),
                    Duration.ofSeconds(60));
            long head = Quarantined.await(db, "disbursement.beneficiary-lists", id(first), "QUARANTINED");
            Quarantined.await(db, "disbursement.beneficiary-lists", id(second), "HELD");

            Quarantined.lift(db, "payment_order");
            assertThat(Quarantined.replay(head).getList("applied")).hasSize(2);
            assertThat(text(db, "select status from disbursement_plan where list_id = '" + listId + "'")).isEqualTo("COMPLETE");
            assertThat(count(db, "select count(*) from payment_order o join disbursement_plan p on p.id = o.plan_id"
                    + " where p.list_id = '" + listId + "'")).isEqualTo(2);
        } finally {
            Quarantined.lift(db, "payment_order");
        }
    }

    private static String id(byte[] event) {
        return EventEnvelope.parse(JSON, event).id();
    }
}
