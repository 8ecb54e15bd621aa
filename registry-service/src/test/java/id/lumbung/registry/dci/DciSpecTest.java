package id.lumbung.registry.dci;

import static org.assertj.core.api.Assertions.assertThat;

import id.lumbung.platform.dci.DciSpec;
import org.junit.jupiter.api.Test;

/** The shipped spec, as the validator reads it, does refuse what it should: the checks in the other tests bite. */
class DciSpecTest {

    static final DciSpec SPEC = DciSpec.load(DciRegistry.SOCIAL_REGISTRY);

    @Test
    void aSyncAnswerNeedsItsCallbackHeader() {
        assertThat(SPEC.responseProblems("/dci/registry/sync/search", 200, """
                {"message": {"transaction_id": "t", "correlation_id": "c", "search_response": []}}"""))
                .anySatisfy(p -> assertThat(p).contains("header"));
        assertThat(SPEC.responseProblems("/dci/registry/sync/search", 200, """
                {"header": {"message_id": "m", "message_ts": "2026-01-01T00:00:00Z", "action": "on-search", "status": "done"}}"""))
                .anySatisfy(p -> assertThat(p).contains("status"));
    }

    @Test
    void anAcknowledgementNeedsItsCorrelationIdAndAKnownErrorCode() {
        assertThat(SPEC.responseProblems("/dci/registry/search", 200, """
                {"message": {"ack_status": "ACK", "timestamp": "2026-01-01T00:00:00Z"}}"""))
                .anySatisfy(p -> assertThat(p).contains("correlation_id"));
        assertThat(SPEC.responseProblems("/dci/registry/search", 400, """
                {"message": {"ack_status": "ERR", "timestamp": "2026-01-01T00:00:00Z", "correlation_id": "",
                             "error": {"code": "err.unknown", "message": "x"}}}"""))
                .anySatisfy(p -> assertThat(p).contains("err.unknown"));
    }

    @Test
    void overlappingAlternativesOfTheSpecAcceptAWholeNumberAndAnExpression() {
        String header = """
                "header": {"message_id": "m", "message_ts": "2026-01-01T00:00:00Z", "action": "search", "sender_id": "s",
                           "total_count": 1}""";
        assertThat(SPEC.requestProblems("/dci/registry/sync/search", """
                {%s, "message": {"transaction_id": "t", "search_request": [{"reference_id": "r",
                 "timestamp": "2026-01-01T00:00:00Z", "search_criteria": {"query_type": "predicate",
                 "query": [{"expression1": {"attribute_name": "age", "operator": "ge", "attribute_value": 60}}]}}]}}"""
                .formatted(header))).isEmpty();
        assertThat(SPEC.requestProblems("/dci/registry/sync/search", """
                {%s, "message": {"transaction_id": "t", "search_request": [{"reference_id": "r",
                 "timestamp": "2026-01-01T00:00:00Z", "search_criteria": {"query_type": "expression",
                 "query": {"type": "mongo", "value": {"expression": {"collection": "Group", "query": {"group_size": {"$lt": 5}}}}}}}]}}"""
                .formatted(header))).isEmpty();
        assertThat(SPEC.requestProblems("/dci/registry/sync/search", """
                {%s, "message": {"transaction_id": "t", "search_request": [{"reference_id": "r",
                 "timestamp": "yesterday", "search_criteria": {"query_type": "predicate", "query": []}}]}}"""
                .formatted(header))).anySatisfy(p -> assertThat(p).contains("timestamp"));
    }

    @Test
    void theCoreSpecReadsItsMisspeltSubscriptionNamesAsTheSchemasDefineThem() {
        var core = DciSpec.load(DciRegistry.REGISTRY_CORE);
        String header = """
                "header": {"message_id": "m", "message_ts": "2026-01-01T00:00:00Z", "action": "unsubscribe", "sender_id": "s",
                           "total_count": 1}""";
        assertThat(core.requestProblems("/dci/registry/unsubscribe", """
                {%s, "message": {"transaction_id": "t", "timestamp": "2026-01-01T00:00:00Z", "subscription_codes": ["c"]}}"""
                .formatted(header))).isEmpty();
        assertThat(core.requestProblems("/dci/registry/unsubscribe", """
                {%s, "message": {"transaction_id": "t", "timestamp": "2026-01-01T00:00:00Z"}}"""
                .formatted(header))).anySatisfy(p -> assertThat(p).contains("subscription_codes"));
    }
}
