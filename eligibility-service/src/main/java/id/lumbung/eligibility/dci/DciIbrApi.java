package id.lumbung.eligibility.dci;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The DCI IBR messages as the OpenAPI document shows them. The endpoints read and write them as JSON trees, checked
 * against the shipped spec ({@code dci/ibr_api_v1.0.0.yaml}); these records only describe the envelope and this
 * registry's rules for it, the {@code message} stays as the spec defines it.
 */
public final class DciIbrApi {

    private DciIbrApi() {
    }

    static final String SENDER = "spmis-jepara";
    static final String TIMESTAMP = "2025-11-28T09:00:00+07:00";

    static final String SIGNATURE_DESCRIPTION = "Ed25519 signature of header and message as the spec describes it; "
            + "required from a sender with a registered key, ignored from others";
    static final String SIGNATURE_EXAMPLE = "Signature: namespace=\"spdci\", kidId=\"spmis-jepara|key-1|ed25519\", "
            + "algorithm=\"ed25519\", created=\"1764295200\", expires=\"1764295500\", "
            + "headers=\"(created) (expires) digest\", "
            + "signature=\"YnzXE/JN3jQMYcA3tHJzZaDMbHwOjyscw3x7smivioYQ8jW5eYDIKDx1nEuoSTjRkGr34WzXPj2aPOGYv0ks+g==\"";

    static final String ENROLLED_MESSAGE = "{\"transaction_id\": \"txn-20251128-0001\", \"enrolled_criteria\": "
            + "{\"query_type\": \"idtype-value\", \"response_entity\": \"Group\", "
            + "\"query\": {\"type\": \"NIK\", \"value\": \"3320064107850001\"}}}";

    static final String SEARCH_MESSAGE = "{\"transaction_id\": \"txn-20251128-0002\", \"search_request\": [{"
            + "\"reference_id\": \"ref-1\", \"timestamp\": \"" + TIMESTAMP + "\", \"search_criteria\": {"
            + "\"reg_event_type\": \"enrollement\", \"query_type\": \"predicate\", \"query\": ["
            + "{\"seq_num\": 1, \"expression1\": {\"attribute_name\": \"status_change_date\", \"operator\": \"ge\", "
            + "\"attribute_value\": \"2025-11-01T00:00:00+07:00\"}, \"condition\": \"and\", "
            + "\"expression2\": {\"attribute_name\": \"region\", \"operator\": \"eq\", \"attribute_value\": \"33.20\"}}], "
            + "\"pagination\": {\"page_size\": 100, \"page_number\": 1}}}]}";

    static final String UPDATES_MESSAGE = "{\"transaction_id\": \"txn-20251128-0003\", \"enrolled_updates\": "
            + "{\"beneficiaries\": []}}";

    private static final String RECORD = "{\"@type\": \"Beneficiary\", \"group\": {\"@type\": \"Group\", "
            + "\"group_identifier\": [{\"identifier_type\": \"KK\", \"identifier_value\": \"3320061203150004\"}, "
            + "{\"identifier_type\": \"HOUSEHOLD_ID\", \"identifier_value\": \"0b9f3c1e-52a4-4c83-9d0e-6f1a2b3c4d5e\"}]}, "
            + "\"programme_identifier\": {\"programme\": {\"programme_identifier\": \"BLTS_KESRA_2025\", "
            + "\"programme_name\": \"BLTS Kesra 2025\"}, \"enrolment_date\": \"2025-11-20T03:00:00Z\", "
            + "\"enrolment_status\": \"Active\", \"status_change_date\": \"2025-11-20T03:00:00Z\", "
            + "\"benefits\": {\"benefit_type\": \"Cash\", \"benefit_value\": \"IDR 900000\", \"benefit_frequency\": \"Once\"}}, "
            + "\"additional_attributes\": [{\"attribute_name\": \"periode\", \"attribute_value\": \"2025-Q4\"}, "
            + "{\"attribute_name\": \"daftar_penerima_id\", \"attribute_value\": \"9a7c2d4e-3f1b-4e6a-8c5d-1b2a3c4d5e6f\"}, "
            + "{\"attribute_name\": \"wilayah_penetapan\", \"attribute_value\": \"33.20\"}, "
            + "{\"attribute_name\": \"village_code\", \"attribute_value\": \"33.20.06.1001\"}, "
            + "{\"attribute_name\": \"nominal_per_bulan\", \"attribute_value\": 300000}, "
            + "{\"attribute_name\": \"jumlah_bulan\", \"attribute_value\": 3}, "
            + "{\"attribute_name\": \"dibayar_sekaligus\", \"attribute_value\": true}";

    static final String ENROLLED_ANSWER = "{\"transaction_id\": \"txn-20251128-0001\", "
            + "\"correlation_id\": \"2f6d8a0c-4e1b-4b7d-9c3a-8e5f7a9b1c2d\", \"enrolled_response\": [{"
            + "\"reference_id\": \"txn-20251128-0001\", \"timestamp\": \"2025-11-28T02:00:00.000Z\", \"status\": \"succ\", "
            + "\"enrolled_status\": \"yes\", \"status_reason_message\": \"1 active enrolment(s)\", "
            + "\"data\": {\"version\": \"1.0.0\", \"reg_records\": [" + RECORD + "]}]}}]}";

    static final String SEARCH_ANSWER = "{\"transaction_id\": \"txn-20251128-0002\", "
            + "\"correlation_id\": \"7b1e3c5d-9f2a-4d6b-8e0c-1a3b5c7d9e0f\", \"search_response\": [{"
            + "\"reference_id\": \"ref-1\", \"timestamp\": \"2025-11-28T02:00:00.000Z\", \"status\": \"succ\", "
            + "\"data\": {\"version\": \"1.0.0\", \"reg_records\": [" + RECORD
            + ", {\"attribute_name\": \"perubahan\", \"attribute_value\": \"ENROLLED\"}, "
            + "{\"attribute_name\": \"waktu_perubahan\", \"attribute_value\": \"2025-11-20T03:00:00Z\"}]}]}, "
            + "\"pagination\": {\"page_size\": 100, \"page_number\": 1, \"total_count\": 1}}]}";

    @Schema(name = "DciRequestHeader", description = "The DCI message header of a request (MsgHeader_V1.0.0), with this "
            + "registry's rules for it")
    public record RequestHeader(
            @Schema(description = "Messaging protocol version; only 1.0.0 is spoken", enumeration = "1.0.0",
                    example = "1.0.0") String version,
            @JsonProperty("message_id") @Schema(description = "The sender's id of this message", required = true, maxLength = 99,
                    example = "msg-20251128-0001") String messageId,
            @JsonProperty("message_ts") @Schema(description = "When the message was sent, ISO 8601 with offset", required = true,
                    format = "date-time", maxLength = 40, example = TIMESTAMP) String messageTs,
            @Schema(description = "search on registry/sync/enrolled and registry/sync/search, notify on "
                    + "registry/sync/enrollment/updates", enumeration = { "search", "notify" }, example = "search",
                    required = true)
            String action,
            @JsonProperty("sender_id") @Schema(description = "The sender's DCI client id: the subject of its bearer token",
                    required = true, maxLength = 99, example = SENDER) String senderId,
            @JsonProperty("sender_uri") @Schema(description = "The sender's callback address; not used by the sync "
                    + "operations", format = "uri", maxLength = 2000, example = "https://spmis.jepara.go.id/dci/callback")
            String senderUri,
            @JsonProperty("receiver_id") @Schema(description = "This registry's DCI id, when named",
                    enumeration = "ibr.lumbung.id", example = "ibr.lumbung.id") String receiverId,
            @JsonProperty("total_count") @Schema(description = "Requests in the message", required = true, minimum = "0",
                    maximum = "1000", example = "1") int totalCount,
            @JsonProperty("is_msg_encrypted") @Schema(description = "Must be false: encrypted messages are not accepted yet; "
                    + "TLS protects the exchange", example = "false") boolean msgEncrypted,
            @Schema(description = "Additional information for intermediaries, as the spec allows") Map<String, Object> meta) {
    }

    @Schema(name = "DciEnrolledRequest", description = "registry/sync/enrolled: which programs a family is enrolled in")
    public record EnrolledRequest(
            @Schema(description = SIGNATURE_DESCRIPTION, maxLength = 2000, example = SIGNATURE_EXAMPLE)
            String signature,
            @Schema(description = "The message header", required = true) RequestHeader header,
            @Schema(required = true, description = "The spec's EnrolledRequest: enrolled_criteria with query_type idtype-value "
                    + "({\"type\": \"NIK\" or \"KK\", \"value\": 16 digits}) or expression (person_identifier or "
                    + "group_identifier, optionally programme_identifier.programme.programme_identifier, each {\"eq\": value})",
                    example = ENROLLED_MESSAGE) Map<String, Object> message) {
    }

    @Schema(name = "DciSearchRequest", description = "registry/sync/search: enrolments that began or ended since a time")
    public record SearchRequest(
            @Schema(description = SIGNATURE_DESCRIPTION, maxLength = 2000, example = SIGNATURE_EXAMPLE) String signature,
            @Schema(description = "The message header", required = true) RequestHeader header,
            @Schema(required = true, description = "The spec's SearchRequest: per search_request item, query_type predicate with "
                    + "status_change_date ge or gt an ISO time, optionally programme_identifier eq and region eq (combined "
                    + "with and); reg_event_type enrollement (begun only) or enrollement_status_change (ended only); "
                    + "sort by status_change_date ascending only; pagination page_size 1-1000, page_number from 1",
                    example = SEARCH_MESSAGE) Map<String, Object> message) {
    }

    @Schema(name = "DciEnrollmentUpdatesRequest", description = "registry/sync/enrollment/updates: enrolments another "
            + "system reports (not taken yet)")
    public record EnrollmentUpdatesRequest(
            @Schema(description = SIGNATURE_DESCRIPTION, maxLength = 2000, example = SIGNATURE_EXAMPLE) String signature,
            @Schema(description = "The message header", required = true) RequestHeader header,
            @Schema(description = "The spec's EnrollmentUpdatesRequest", example = UPDATES_MESSAGE) Map<String, Object> message) {
    }

    @Schema(name = "DciCallbackHeader", description = "The DCI header of an answer (MsgCallbackHeader_V1.0.0)")
    public record CallbackHeader(
            @Schema(description = "Messaging protocol version", example = "1.0.0") String version,
            @JsonProperty("message_id") @Schema(description = "This answer's message id", required = true,
                    example = "c3e5a7b9-1d2f-4a6c-8e0b-2d4f6a8c0e1a") String messageId,
            @JsonProperty("message_ts") @Schema(description = "When the answer was made", required = true, format = "date-time",
                    example = "2025-11-28T02:00:00.000Z") String messageTs,
            @Schema(description = "Always on-search for the sync reads; on-notify for a refused update",
                    enumeration = { "on-search", "on-notify" }, example = "on-search", required = true) String action,
            @Schema(description = "succ when the request was answered, rjct when it was refused (or, on "
                    + "registry/sync/enrolled, when no family with the identifier lies in the caller's regions; on "
                    + "registry/sync/search, when every item was refused)", enumeration = { "succ", "rjct" },
                    example = "succ", required = true) String status,
            @JsonProperty("status_reason_code") @Schema(description = "The spec's reason of a refusal, when one names it "
                    + "exactly", enumeration = { "rjct.action.invalid", "rjct.action.not_supported", "rjct.version.invalid" },
                    example = "rjct.action.not_supported") String statusReasonCode,
            @JsonProperty("status_reason_message") @Schema(description = "Why a request was refused: the err.* code and "
                    + "a sentence", maxLength = 999, example = "err.request.bad: this registry does not take enrolments "
                    + "from other systems yet; read enrolment changes with registry/sync/search") String statusReasonMessage,
            @JsonProperty("total_count") @Schema(description = "Items in the answer", example = "1") int totalCount,
            @JsonProperty("completed_count") @Schema(description = "Items answered", example = "1") int completedCount,
            @JsonProperty("sender_id") @Schema(description = "This registry's DCI id", example = "ibr.lumbung.id")
            String senderId,
            @JsonProperty("receiver_id") @Schema(description = "The caller's DCI client id", example = SENDER)
            String receiverId,
            @JsonProperty("is_msg_encrypted") @Schema(description = "Answers are not encrypted", example = "false")
            boolean msgEncrypted,
            @Schema(description = "On a refusal, the spec's Error: {\"error\": {\"code\": err.*, \"message\": ...}}",
                    example = "{\"error\": {\"code\": \"err.request.bad\", \"message\": \"this registry does not take "
                            + "enrolments from other systems yet; read enrolment changes with registry/sync/search\"}}")
            Map<String, Object> meta) {
    }

    @Schema(name = "DciEnrolledResponse", description = "The answer of registry/sync/enrolled")
    public record EnrolledResponse(
            @Schema(description = "The answer's header", required = true) CallbackHeader header,
            @Schema(description = "The spec's EnrolledResponse: one enrolled_response item with enrolled_status yes or no "
                    + "and, in data.reg_records, one Beneficiary per enrolment of the family (KK and household id, the "
                    + "programme, enrolment_date, enrolment_status Active or Inactive, status_change_date, benefits in IDR "
                    + "and the Indonesian details in additional_attributes)", example = ENROLLED_ANSWER)
            Map<String, Object> message) {
    }

    @Schema(name = "DciSearchResponse", description = "The answer of registry/sync/search")
    public record SearchResponse(
            @Schema(description = "The answer's header", required = true) CallbackHeader header,
            @Schema(description = "The spec's SearchResponse: per search_request item, status succ with the enrolments "
                    + "that began or ended (additional_attributes perubahan ENROLLED or ENDED and waktu_perubahan), oldest "
                    + "first, and pagination with total_count; or status rjct with a status_reason_code "
                    + "(rjct.search_criteria.invalid, rjct.sort.invalid, rjct.pagination.invalid)", example = SEARCH_ANSWER)
            Map<String, Object> message) {
    }

    @Schema(name = "DciEnrollmentUpdatesResponse", description = "The spec's answer to enrolment updates, once this "
            + "registry takes them")
    public record EnrollmentUpdatesResponse(
            @Schema(description = "The answer's header", required = true) CallbackHeader header,
            @Schema(description = "The spec's EnrollmentUpdatesResponse: per update, its status") Map<String, Object> message) {
    }

    @Schema(name = "DciRefusal", description = "A sync request refused at the message layer: the callback header with "
            + "status rjct, the reason, and the err.* code in meta.error")
    public record Refusal(@Schema(description = "The header with status rjct", required = true) CallbackHeader header) {
    }

    @Schema(name = "DciHttpError", description = "The spec's HttpErrorResponse, for 401, 403 and 500")
    public record HttpError(@Schema(description = "One error") List<HttpErrorItem> errors) {
    }

    @Schema(name = "DciHttpErrorItem", description = "An error code of the spec and a sentence")
    public record HttpErrorItem(
            @Schema(description = "The spec's error code", enumeration = { "err.request.unauthorized",
                    "err.request.forbidden", "err.service.unavailable" }, example = "err.request.forbidden") String code,
            @Schema(description = "What went wrong; a 500 quotes a reference for the operators", maxLength = 999,
                    example = "your token names no region") String message) {
    }
}
