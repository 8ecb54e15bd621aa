package id.lumbung.eligibility.dci;

import static id.lumbung.eligibility.dci.DciIbrTestSupport.SEARCH;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.approvedList;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.attribute;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.changesSince;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.family;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.post;
import static id.lumbung.eligibility.dci.DciIbrTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.lumbung.eligibility.TestClock;
import id.lumbung.eligibility.service.ComplaintOutcomes;
import id.lumbung.eligibility.service.HouseholdProjector;
import id.lumbung.eligibility.service.Projected;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** registry/sync/search of the IBR: enrolments that began or ended since a time, page by page, within the caller's regions. */
@QuarkusTest
class DciEnrolmentChangesTest {

    static final String CLIENT = "spmis-test";
    static final String DISTRICT = "35.10.02";
    static final Instant BEFORE = Instant.parse("2025-11-10T00:00:00Z");
    static final Instant APPROVED = BEFORE.plus(Duration.ofHours(1));
    static final Instant DECLINED = APPROVED.plus(Duration.ofHours(1));

    @Inject
    HouseholdProjector projector;
    @Inject
    ComplaintOutcomes outcomes;

    @Test
    void changesSinceATimeComeOldestFirstPageByPageWithTheTotalAndOnlyInTheCallersRegions() {
        List<Projected.Builder> families;
        try {
            TestClock.CLOCK.set(BEFORE);
            families = List.of(family(projector, DISTRICT + ".2001", 1, "Agus"), family(projector, DISTRICT + ".2001", 2, "Bambang"),
                    family(projector, DISTRICT + ".2002", 3, "Cahyo"));
            TestClock.CLOCK.set(APPROVED);
            approvedList("BLTS_KESRA_2025", DISTRICT);
            TestClock.CLOCK.set(DECLINED);
            outcomes.record(new ComplaintOutcomes.Decided("ADU-DCI-" + UUID.randomUUID(), ComplaintOutcomes.Outcome.TOLAK_ACCEPTED,
                    families.get(1).id(), null, "pindah kerja", Instant.parse("2025-09-01T03:00:00Z")));
        } finally {
            TestClock.CLOCK.set(TestClock.START);
        }
        String token = token(CLIENT, "35.10");

        // since before the approval: three enrolments began, one ended; two per page
        var first = item(post(SEARCH, token, changesSince(CLIENT, "ge", BEFORE, 2, 1, null, Map.of()), 200));
        assertThat(first.path("status").asText()).isEqualTo("succ");
        assertThat(first.path("pagination").path("total_count").asInt()).isEqualTo(4);
        assertThat(first.path("pagination").path("page_number").asInt()).isEqualTo(1);
        var page1 = first.path("data").path("reg_records");
        assertThat(page1).hasSize(2);
        var second = item(post(SEARCH, token, changesSince(CLIENT, "ge", BEFORE, 2, 2, null, Map.of()), 200));
        assertThat(second.path("pagination").path("total_count").asInt()).isEqualTo(4);
        var page2 = second.path("data").path("reg_records");
        assertThat(page2).hasSize(2);
        var all = new ArrayList<JsonNode>();
        page1.forEach(all::add);
        page2.forEach(all::add);
        assertThat(all.stream().map(r -> attribute(r, "perubahan").asText()).toList())
                .containsExactly("ENROLLED", "ENROLLED", "ENROLLED", "ENDED");
        assertThat(all.stream().map(DciEnrolmentChangesTest::household).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(families.stream().map(f -> f.id().toString()).toList());
        var ended = all.get(3);
        assertThat(household(ended)).isEqualTo(families.get(1).id().toString());
        assertThat(ended.path("programme_identifier").path("enrolment_status").asText()).isEqualTo("Inactive");
        assertThat(Instant.parse(ended.path("programme_identifier").path("status_change_date").asText())).isEqualTo(DECLINED);
        assertThat(Instant.parse(all.get(0).path("programme_identifier").path("enrolment_date").asText())).isEqualTo(APPROVED);
        // past the last page: nothing, and still the total
        var third = item(post(SEARCH, token, changesSince(CLIENT, "ge", BEFORE, 2, 3, null, Map.of()), 200));
        assertThat(third.path("data").path("reg_records")).isEmpty();
        assertThat(third.path("pagination").path("total_count").asInt()).isEqualTo(4);

        // strictly after the approval: only the end
        var after = item(post(SEARCH, token, changesSince(CLIENT, "gt", APPROVED, 10, 1, null, Map.of()), 200));
        assertThat(after.path("pagination").path("total_count").asInt()).isEqualTo(1);
        // new enrolments only, of one program, in one village's district
        var began = item(post(SEARCH, token, changesSince(CLIENT, "ge", BEFORE, 10, 1, "enrollement",
                Map.of("programme_identifier", "BLTS_KESRA_2025", "region", DISTRICT)), 200));
        assertThat(began.path("pagination").path("total_count").asInt()).isEqualTo(3);
        var otherProgram = item(post(SEARCH, token, changesSince(CLIENT, "ge", BEFORE, 10, 1, null,
                Map.of("programme_identifier", "PKH")), 200));
        assertThat(otherProgram.path("pagination").path("total_count").asInt()).isZero();

        // a caller of another regency learns of none of them, and may not ask for this one
        var far = item(post(SEARCH, token("spmis-far", "35.11"), changesSince("spmis-far", "ge", BEFORE, 10, 1, null, Map.of()), 200));
        assertThat(far.path("pagination").path("total_count").asInt()).isZero();
        var farAsking = item(post(SEARCH, token("spmis-far", "35.11"),
                changesSince("spmis-far", "ge", BEFORE, 10, 1, null, Map.of("region", DISTRICT)), 200));
        assertThat(farAsking.path("status").asText()).isEqualTo("rjct");
        assertThat(farAsking.path("status_reason_code").asText()).isEqualTo("rjct.search_criteria.invalid");
    }

    @Test
    void aPageTooLargeOrAnotherQueryIsRefusedWithTheSpecsReason() {
        String token = token(CLIENT, "35.10");
        var tooLarge = item(post(SEARCH, token, changesSince(CLIENT, "ge", BEFORE, 5000, 1, null, Map.of()), 200));
        assertThat(tooLarge.path("status").asText()).isEqualTo("rjct");
        assertThat(tooLarge.path("status_reason_code").asText()).isEqualTo("rjct.pagination.invalid");
        var unknownAttribute = item(post(SEARCH, token, changesSince(CLIENT, "ge", BEFORE, 10, 1, null, Map.of("desil", "1")), 200));
        assertThat(unknownAttribute.path("status_reason_code").asText()).isEqualTo("rjct.search_criteria.invalid");
    }

    private static JsonNode item(JsonNode answer) {
        return answer.path("message").path("search_response").get(0);
    }

    private static String household(JsonNode record) {
        return record.path("group").path("group_identifier").get(1).path("identifier_value").asText();
    }
}
