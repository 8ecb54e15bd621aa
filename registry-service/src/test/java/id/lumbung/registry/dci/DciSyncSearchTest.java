package id.lumbung.registry.dci;

import static id.lumbung.registry.dci.DciTestSupport.FAR_VILLAGE;
import static id.lumbung.registry.dci.DciTestSupport.VILLAGE;
import static id.lumbung.registry.dci.DciTestSupport.envelope;
import static id.lumbung.registry.dci.DciTestSupport.extra;
import static id.lumbung.registry.dci.DciTestSupport.post;
import static id.lumbung.registry.dci.DciTestSupport.postValid;
import static id.lumbung.registry.dci.DciTestSupport.register;
import static id.lumbung.registry.dci.DciTestSupport.searchMessage;
import static id.lumbung.registry.dci.DciTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.lumbung.platform.security.Roles;
import id.lumbung.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DciSyncSearchTest {

    static final String SENDER = "spmis-sync";

    @Inject
    AgroalDataSource db;

    static DciTestSupport.Family elderly;
    static DciTestSupport.Family young;
    static DciTestSupport.Family far;

    // registered once, on the first test: REST Assured knows the test port only inside a test
    @BeforeEach
    void families() {
        if (elderly != null) {
            return;
        }
        elderly = register(VILLAGE, 2,
                new DciTestSupport.Person("MALE", "1950-07-01", "KEPALA_KELUARGA", "Sukarno Hadi"),
                new DciTestSupport.Person("FEMALE", "1952-07-01", "ISTRI", "Painem"));
        young = register(VILLAGE, 5,
                new DciTestSupport.Person("MALE", "1985-07-01", "KEPALA_KELUARGA", "Budi Santoso"),
                new DciTestSupport.Person("FEMALE", "1987-07-01", "ISTRI", "Sri Wahyuni"),
                new DciTestSupport.Person("MALE", "2015-07-01", "ANAK", "Joko"));
        far = register(FAR_VILLAGE, 1,
                new DciTestSupport.Person("MALE", "1960-07-01", "KEPALA_KELUARGA", "Bambang"));
    }

    private static JsonNode search(String criteria) {
        return postValid("sync/search", token(SENDER, "33.20.06"), envelope("search", SENDER, searchMessage(criteria)), 200);
    }

    private static JsonNode only(JsonNode answer) {
        assertThat(answer.path("header").path("action").asText()).isEqualTo("on-search");
        assertThat(answer.path("message").path("search_response")).hasSize(1);
        return answer.path("message").path("search_response").get(0);
    }

    @Test
    void findsAPersonByNikAsAMemberWithTheHouseholdInItsExtensions() {
        var item = only(search("""
                {"query_type": "idtype-value", "query": {"type": "NIK", "value": "%s"}}""".formatted(young.niks().get(1))));
        assertThat(item.path("status").asText()).isEqualTo("succ");
        assertThat(item.path("pagination").path("total_count").asInt()).isEqualTo(1);
        var member = item.path("data").path("reg_records").get(0);
        assertThat(member.path("@type").asText()).isEqualTo("Member");
        assertThat(member.path("member_identifier").get(0).path("identifier_value").asText()).isEqualTo(young.niks().get(1));
        assertThat(member.path("demographic_info").path("name").path("given_name").asText()).isEqualTo("SRI WAHYUNI");
        assertThat(member.path("demographic_info").path("sex").asText()).isEqualTo("female");
        assertThat(member.path("demographic_info").path("birth_date").asText()).isEqualTo("1987-07-01");
        assertThat(member.path("relationship_head").asText()).isEqualTo("spouse");
        var extra = extra(member);
        assertThat(extra.get("no_kk").asText()).isEqualTo(young.noKk());
        assertThat(extra.get("hubungan_keluarga").asText()).isEqualTo("ISTRI");
        assertThat(extra.get("desil").asInt()).isEqualTo(5);
        assertThat(extra.get("village_code").asText()).isEqualTo(VILLAGE);
    }

    @Test
    void criteriaThatCannotBeUsedAreRejectedInTheAnswerNeverAsAServerError() {
        for (String region : new String[] { "3", "", "%", "33.20.06.1001'--", "x".repeat(10_000) }) {
            var item = only(search("""
                    {"query_type": "predicate", "response_entity": "Member", "query": [
                       {"seq_num": 1, "expression1": {"attribute_name": "region", "operator": "eq", "attribute_value": "%s"}}]}"""
                    .formatted(region)));
            assertThat(item.path("status").asText()).as(region.length() > 20 ? "long region" : region).isEqualTo("rjct");
            assertThat(item.path("status_reason_code").asText()).isEqualTo("rjct.search_criteria.invalid");
        }
        var item = only(search("""
                {"query_type": "idtype-value", "query": {"type": "NIK", "value": "%s"}}""".formatted("3".repeat(1_000_000))));
        assertThat(item.path("status").asText()).isEqualTo("rjct");
        assertThat(item.path("status_reason_code").asText()).isEqualTo("rjct.search_criteria.invalid");
    }

    @Test
    void findsAHouseholdByNoKkAsAGroupWithItsMembers() {
        var item = only(search("""
                {"query_type": "idtype-value", "query": {"type": "KK", "value": "%s"}}""".formatted(young.noKk())));
        var group = item.path("data").path("reg_records").get(0);
        assertThat(group.path("@type").asText()).isEqualTo("Group");
        assertThat(group.path("group_identifier").get(0).path("identifier_type").asText()).isEqualTo("KK");
        assertThat(group.path("group_identifier").get(0).path("identifier_value").asText()).isEqualTo(young.noKk());
        assertThat(group.path("poverty_score").asInt()).isEqualTo(5);
        assertThat(group.path("group_size").asInt()).isEqualTo(3);
        assertThat(group.path("member_list")).hasSize(3);
        assertThat(group.path("group_head_info").path("member_identifier").get(0).path("identifier_value").asText())
                .isEqualTo(young.niks().get(0));
        assertThat(extra(group).get("village_code").asText()).isEqualTo(VILLAGE);
    }

    @Test
    void predicateOverAgeSexAndRegionFindsPersons() {
        var item = only(search("""
                {"query_type": "predicate", "response_entity": "Member",
                 "query": [
                   {"seq_num": 1, "expression1": {"attribute_name": "age", "operator": "ge", "attribute_value": "60"},
                    "condition": "and", "expression2": {"attribute_name": "sex", "operator": "eq", "attribute_value": "female"}},
                   {"seq_num": 2, "expression1": {"attribute_name": "region", "operator": "eq", "attribute_value": "%s"}}],
                 "pagination": {"page_size": 10, "page_number": 1}}""".formatted(VILLAGE)));
        assertThat(item.path("status").asText()).isEqualTo("succ");
        assertThat(niks(item)).containsExactly(elderly.niks().get(1));
    }

    @Test
    void expressionOverDesilAndGroupSizeFindsHouseholdsSortedAndPaged() {
        String criteria = """
                {"query_type": "expression",
                 "query": {"type": "ns:lumbung:QueryType:expression",
                           "value": {"expression": {"collection": "Group", "query": {"$and": [
                               {"poverty_score": {"$le": 5}}, {"location": {"$eq": "%s"}}, {"group_size": {"$ge": 2}}]}}}},
                 "sort": [{"attribute_name": "poverty_score", "sort_order": "desc"}],
                 "pagination": {"page_size": 1, "page_number": %d}}""";
        var first = only(search(criteria.formatted(VILLAGE, 1)));
        var second = only(search(criteria.formatted(VILLAGE, 2)));
        assertThat(first.path("pagination").path("total_count").asInt()).isEqualTo(2);
        assertThat(first.path("data").path("reg_records")).hasSize(1);
        assertThat(kk(first)).isEqualTo(young.noKk());
        assertThat(kk(second)).isEqualTo(elderly.noKk());
    }

    @Test
    void aGroupSearchOnMemberAgeMeansSomeMember() {
        var item = only(search("""
                {"query_type": "predicate",
                 "query": [{"seq_num": 1, "expression1": {"attribute_name": "age", "operator": "lt", "attribute_value": "18"}},
                           {"seq_num": 2, "expression1": {"attribute_name": "region", "operator": "eq", "attribute_value": "%s"}}]}"""
                .formatted(VILLAGE)));
        assertThat(item.path("pagination").path("total_count").asInt()).isEqualTo(1);
        assertThat(kk(item)).isEqualTo(young.noKk());
    }

    @Test
    void recordsOutsideTheCallersRegionAreNeverReturned() {
        var item = only(search("""
                {"query_type": "idtype-value", "query": {"type": "KK", "value": "%s"}}""".formatted(far.noKk())));
        assertThat(item.path("status").asText()).isEqualTo("succ");
        assertThat(item.path("data").path("reg_records")).isEmpty();
        assertThat(item.path("pagination").path("total_count").asInt()).isZero();
    }

    @Test
    void aRegionOutsideTheCallersScopeIsRefused() {
        var item = only(search("""
                {"query_type": "predicate",
                 "query": [{"seq_num": 1, "expression1": {"attribute_name": "region", "operator": "eq", "attribute_value": "35.01"}}]}"""));
        assertThat(item.path("status").asText()).isEqualTo("rjct");
        assertThat(item.path("status_reason_code").asText()).isEqualTo("rjct.search_criteria.invalid");
        assertThat(item.path("status_reason_message").asText()).contains("outside your region scope");
    }

    @Test
    void aTokenWithoutRegionsIsForbidden() {
        var answer = post("sync/search", token(SENDER), envelope("search", SENDER, searchMessage("""
                {"query_type": "idtype-value", "query": {"type": "KK", "value": "%s"}}""".formatted(young.noKk()))).toString(), 403);
        assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("err.request.forbidden");
    }

    @Test
    void unsupportedCriteriaAreRejectedPerRequestWithTheSpecReasonCodes() {
        var unknownAttribute = only(search("""
                {"query_type": "predicate",
                 "query": [{"seq_num": 1, "expression1": {"attribute_name": "income", "operator": "lt", "attribute_value": "1000000"}}]}"""));
        assertThat(unknownAttribute.path("status").asText()).isEqualTo("rjct");
        assertThat(unknownAttribute.path("status_reason_code").asText()).isEqualTo("rjct.search_criteria.invalid");

        var badSort = only(search("""
                {"query_type": "idtype-value", "query": {"type": "KK", "value": "%s"},
                 "sort": [{"attribute_name": "age", "sort_order": "asc"}]}""".formatted(young.noKk())));
        assertThat(badSort.path("status_reason_code").asText()).isEqualTo("rjct.sort.invalid");

        var badPage = only(search("""
                {"query_type": "idtype-value", "query": {"type": "KK", "value": "%s"},
                 "pagination": {"page_size": 100000}}""".formatted(young.noKk())));
        assertThat(badPage.path("status_reason_code").asText()).isEqualTo("rjct.pagination.invalid");
    }

    @Test
    void everySearchIsInTheAuditLogWithoutThePlainNik() throws Exception {
        search("""
                {"query_type": "idtype-value", "query": {"type": "NIK", "value": "%s"}}""".formatted(elderly.niks().get(0)));
        try (var c = db.getConnection(); var q = c.prepareStatement(
                "select subject_id, detail from audit_log where actor = ? and action = 'DCI_SEARCH' order by id desc limit 1")) {
            q.setString(1, SENDER);
            var rs = q.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("NIK=332006").doesNotContain(elderly.niks().get(0));
            assertThat(rs.getString(2)).contains("1 records");
        }
    }

    private static List<String> niks(JsonNode item) {
        var out = new ArrayList<String>();
        item.path("data").path("reg_records").forEach(r -> out.add(r.path("member_identifier").get(0).path("identifier_value").asText()));
        return out;
    }

    private static String kk(JsonNode item) {
        return item.path("data").path("reg_records").get(0).path("group_identifier").get(0).path("identifier_value").asText();
    }

    @Test
    void aKemensosTokenSearchesNationally() {
        var answer = postValid("sync/search", TestTokens.token("kemensos-dci", java.util.Set.of(Roles.KEMENSOS), List.of()),
                envelope("search", "kemensos-dci", searchMessage("""
                        {"query_type": "idtype-value", "query": {"type": "KK", "value": "%s"}}""".formatted(far.noKk()))), 200);
        assertThat(only(answer).path("pagination").path("total_count").asInt()).isEqualTo(1);
    }
}
