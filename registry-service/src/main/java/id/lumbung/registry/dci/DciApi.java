package id.lumbung.registry.dci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The DCI messages of the registry's endpoints as its OpenAPI document describes them, after the DCI Social Registry
 * and Registry Core specs v1.0.0 and with what the registry reads and answers. Requests are read as text and checked
 * against the shipped specs, answers are built as JSON trees: these records only describe them.
 */
public final class DciApi {

    private DciApi() {
    }

    static final String SIGNATURE = "Signature of header + message with the sender's registered Ed25519 key (required "
            + "from senders whose key the registry holds)";
    static final String SIGNATURE_EXAMPLE = "Signature: namespace=\"spdci\", kidId=\"spmis-jepara|k1|ed25519\", "
            + "algorithm=\"ed25519\", created=\"1763888400\", expires=\"1763888700\", headers=\"(created) (expires) digest\", "
            + "signature=\"ZmFrZS1zaWduYXR1cmU=\"";
    static final String TRANSACTION_ID = "The sender's id of the business transaction; the answer carries it";
    static final String CORRELATION_ID = "The registry's id of this transaction, as the acknowledgement gave it";
    static final String ERROR_EXAMPLE = "{\"code\": \"err.sender_id.invalid\", \"message\": \"sender_id spmis-kudus is not "
            + "the client this token was issued to\"}";
    static final String REFERENCE_ID = "The sender's id of one request of the batch; its answer carries it";
    static final String TIMESTAMP = "ISO 8601 date-time with offset";
    /** Ids a sender chooses (message, reference, client): the spec's transaction_id limit. */
    static final int ID_LENGTH = 99;
    /** Code names and attribute names of the spec (query types, event types, record types, attributes). */
    static final int NAME_LENGTH = 200;
    static final int URI_LENGTH = 2000;
    /** Requests in one message. */
    static final String BATCH = "1000";

    @Schema(name = "DciMsgHeader", description = "MsgHeader_V1.0.0: the header of a message to the registry.")
    public record MsgHeader(
            @Schema(description = "Messaging protocol version; only 1.0.0 is spoken", defaultValue = "1.0.0",
                    maxLength = 20, examples = "1.0.0") String version,
            @JsonProperty("message_id") @Schema(required = true, description = "Unique per sender: a message id already "
                    + "received from the same sender is refused (rjct.message_id.duplicate)", maxLength = ID_LENGTH,
                    examples = "msg-0001") String messageId,
            @JsonProperty("message_ts") @Schema(required = true, description = TIMESTAMP,
                    examples = "2025-11-23T10:00:00+07:00") OffsetDateTime messageTs,
            @Schema(required = true, description = "The endpoint's action: search (search, sync/search), txn-status "
                    + "(txn/status, sync/txn/status), subscribe, unsubscribe",
                    enumeration = { "search", "txn-status", "subscribe", "unsubscribe" }, examples = "search") String action,
            @JsonProperty("sender_id") @Schema(required = true, description = "The client id the bearer token was issued "
                    + "to", maxLength = ID_LENGTH, examples = "spmis-jepara") String senderId,
            @JsonProperty("sender_uri") @Schema(format = "uri", description = "Asynchronous operations: where the answer "
                    + "is POSTed (the sender's on-search, txn/on-status, on-subscribe or on-unsubscribe address). It must lie "
                    + "under the callback address registered for the client and never on a loopback, link-local, private "
                    + "or shared address; absent, the registered address is used. Subscriptions: notify is POSTed to "
                    + "\"notify\" beside it", maxLength = URI_LENGTH, examples = "https://spmis.jepara.go.id/dci/on-search")
            String senderUri,
            @JsonProperty("receiver_id") @Schema(description = "The registry's DCI id; when sent, it must be this one",
                    maxLength = ID_LENGTH, examples = "registry.lumbung.id") String receiverId,
            @JsonProperty("total_count") @Schema(required = true, description = "Number of requests in the message",
                    minimum = "0", maximum = BATCH, examples = "1") Integer totalCount,
            @JsonProperty("is_msg_encrypted") @Schema(description = "Must be false: encrypted messages are not accepted "
                    + "yet (send over TLS)", defaultValue = "false", examples = "false") Boolean isMsgEncrypted,
            @Schema(description = "Implementation-defined information for intermediaries; not read") JsonNode meta) {
    }

    @Schema(name = "DciError", description = "A DCI Error: one of the spec's err.* codes and a message.")
    public record ErrorInfo(
            @Schema(description = "Error code", enumeration = { "err.request.bad", "err.request.unauthorized",
                    "err.request.forbidden", "err.request.not_found", "err.version.not_supported", "err.sender_id.invalid",
                    "err.sender_uri.invalid", "err.receiver_id.invalid", "err.signature.missing", "err.signature.invalid",
                    "err.encryption.invalid", "err.service.unavailable" }, examples = "err.sender_id.invalid") String code,
            @Schema(description = "What is wrong, for the sender's operators", maxLength = 999,
                    examples = "sender_id spmis-kudus is not the client this token was issued to") String message) {
    }

    @Schema(name = "DciCallbackMeta", description = "The meta of a refusal's header: the error.")
    public record CallbackMeta(@Schema(description = "Why the message was refused", examples = ERROR_EXAMPLE) ErrorInfo error) {
    }

    @Schema(name = "DciCallbackHeader", description = "MsgCallbackHeader_V1.0.0: the header of the registry's answers.")
    public record CallbackHeader(
            @Schema(description = "Messaging protocol version", examples = "1.0.0") String version,
            @JsonProperty("message_id") @Schema(required = true, description = "The registry's id of this answer",
                    examples = "6f1c2d3e-4b5a-4978-8695-a4b3c2d1e0f9") String messageId,
            @JsonProperty("message_ts") @Schema(required = true, description = TIMESTAMP,
                    examples = "2025-11-23T03:00:01.250Z") OffsetDateTime messageTs,
            @Schema(required = true, description = "The answer's action",
                    enumeration = { "on-search", "txn-on-status", "on-subscribe", "on-unsubscribe" },
                    examples = "on-search") String action,
            @Schema(required = true, description = "succ when some request of the message succeeded, rjct when none did or "
                    + "the message was refused", enumeration = { "rcvd", "pdng", "succ", "rjct" }, examples = "succ")
            String status,
            @JsonProperty("status_reason_code") @Schema(description = "With rjct, when a header fault names it: the "
                    + "spec's MsgHeaderStatusReasonCode", enumeration = { "rjct.version.invalid",
                    "rjct.message_id.duplicate", "rjct.action.invalid" }, examples = "rjct.message_id.duplicate")
            String statusReasonCode,
            @JsonProperty("status_reason_message") @Schema(description = "With rjct: the err.* code and what is wrong",
                    maxLength = 999, examples = "err.request.bad: message_id msg-0001 was already received from spmis-jepara")
            String statusReasonMessage,
            @JsonProperty("total_count") @Schema(description = "Number of requests answered", examples = "1")
            Integer totalCount,
            @JsonProperty("completed_count") @Schema(description = "Number of requests completed (succeeded or refused on "
                    + "their own)", examples = "1") Integer completedCount,
            @JsonProperty("sender_id") @Schema(description = "The registry's DCI id", examples = "registry.lumbung.id")
            String senderId,
            @JsonProperty("receiver_id") @Schema(description = "The client the answer is for", examples = "spmis-jepara")
            String receiverId,
            @JsonProperty("is_msg_encrypted") @Schema(description = "Always false", examples = "false")
            Boolean isMsgEncrypted,
            @Schema(description = "With rjct: the error") CallbackMeta meta) {
    }

    @Schema(name = "DciHttpErrorResponse", description = "The spec's HttpErrorResponse: a missing or invalid token (401), "
            + "a role or region scope that may not use the API (403), or an unexpected failure (500, with a reference "
            + "to quote).")
    public record HttpErrorResponse(@Schema(description = "The error") List<ErrorInfo> errors) {
    }

    @Schema(name = "DciAckMessage", description = "The acknowledgement of an asynchronous request.")
    public record AckMessage(
            @JsonProperty("ack_status") @Schema(required = true, description = "ACK: accepted, the answer will be POSTed "
                    + "to sender_uri; ERR: refused, see error", enumeration = { "ACK", "ERR" }, examples = "ACK")
            String ackStatus,
            @Schema(required = true, description = TIMESTAMP, examples = "2025-11-23T03:00:00.120Z") OffsetDateTime timestamp,
            @Schema(description = "With ERR: why the request was refused", examples = ERROR_EXAMPLE) ErrorInfo error,
            @JsonProperty("correlation_id") @Schema(required = true, description = "With ACK: the registry's id of the "
                    + "transaction, to ask its status with; empty with ERR",
                    examples = "2b7e9c40-1d3f-4a6b-8c5e-7f9a0b1c2d3e") String correlationId) {
    }

    @Schema(name = "DciAck", description = "The spec's Response: the acknowledgement of an asynchronous request.")
    public record Ack(@Schema(description = "The acknowledgement") AckMessage message) {
    }

    @Schema(name = "DciSyncRejection", description = "A refused synchronous request: the callback header with status "
            + "rjct, its reason and the error in meta; no message.")
    public record SyncRejection(@Schema(description = "The header with status rjct") CallbackHeader header) {
    }

    // --- search ---

    @Schema(name = "DciIdTypeValueQuery", description = "query of query_type idtype-value: one identifier.")
    public record IdTypeValueQuery(
            @Schema(required = true, description = "NIK (also UIN, NATIONAL_ID): persons, as Member records by default; KK "
                    + "(also NO_KK, FAMILY_CARD) or HOUSEHOLD_ID: households, as Group records", maxLength = NAME_LENGTH,
                    examples = "NIK") String type,
            @Schema(required = true, description = "The identifier; a longer one refuses the search", maxLength = 64,
                    examples = "3320060107850001") String value) {
    }

    @Schema(name = "DciExpressionTemplate", description = "A Mongo-style expression over the queryable attributes.")
    public record ExpressionTemplate(
            @Schema(description = "Group (households, the default) or Member (persons)", maxLength = NAME_LENGTH,
                    examples = "Group") String collection,
            @Schema(required = true, description = "The condition: $and, $or, $not over {attribute: {$eq|$lt|$le|$gt|$ge|"
                    + "$in: value}}; attributes as for predicates") JsonNode query) {
    }

    @Schema(name = "DciExpressionValue", description = "The value of an expression query.")
    public record ExpressionValue(@Schema(required = true, description = "The expression") ExpressionTemplate expression) {
    }

    @Schema(name = "DciExpressionQuery", description = "query of query_type expression.")
    public record ExpressionQuery(
            @Schema(description = "The spec's query type name; not read", maxLength = NAME_LENGTH,
                    examples = "ns:org:QueryType:NoSql") String type,
            @Schema(required = true, description = "The expression") ExpressionValue value) {
    }

    @Schema(name = "DciPredicateExpression", description = "One condition on an attribute.")
    public record PredicateExpression(
            @JsonProperty("attribute_name") @Schema(required = true, description = "age (whole years), sex (male, female), "
                    + "poverty_score or desil (1 poorest … 10), region (also location, village_code: a Kemendagri code "
                    + "prefix, eq = within), group_size (current members). In a Group search, age and sex mean \"some "
                    + "current member\"", maxLength = NAME_LENGTH, examples = "poverty_score") String attributeName,
            @Schema(required = true, description = "Comparison; region and sex take eq or in",
                    enumeration = { "gt", "lt", "eq", "ge", "le", "in" }, examples = "le") String operator,
            @JsonProperty("attribute_value") @Schema(required = true, description = "The value compared with: a string, a "
                    + "number, or a list with in", anyOf = { String.class, BigDecimal.class, Boolean.class, Object[].class })
            Object attributeValue) {
    }

    @Schema(name = "DciPredicate", description = "One item of a predicate query: expression1, or expression1 <condition> "
            + "expression2. Items hold together with and, in seq_num order.")
    public record Predicate(
            @JsonProperty("seq_num") @Schema(description = "Order of evaluation", maximum = BATCH, examples = "1")
            Integer seqNum,
            @Schema(required = true, description = "The condition, or the first of two") PredicateExpression expression1,
            @Schema(description = "How expression1 and expression2 combine", enumeration = { "and", "or", "not" },
                    examples = "and") String condition,
            @Schema(description = "The second condition, with condition") PredicateExpression expression2) {
    }

    @Schema(name = "DciSort", description = "One sort key.")
    public record Sort(
            @JsonProperty("attribute_name") @Schema(description = "poverty_score or desil, group_size or household_size, "
                    + "region (location, village_code), and for Member records age or birth_date", maxLength = NAME_LENGTH,
                    examples = "poverty_score") String attributeName,
            @JsonProperty("sort_order") @Schema(description = "Ascending (the default) or descending",
                    enumeration = { "asc", "desc" }, defaultValue = "asc", examples = "asc") String sortOrder) {
    }

    @Schema(name = "DciPaginationRequest", description = "The page asked for; a page size or number out of range refuses "
            + "that request with rjct.pagination.invalid.")
    public record PaginationRequest(
            @JsonProperty("page_size") @Schema(description = "Records per page", minimum = "1", maximum = "1000",
                    defaultValue = "100", examples = "50") Integer pageSize,
            @JsonProperty("page_number") @Schema(description = "Page number from 1", minimum = "1", maximum = "100000",
                    defaultValue = "1", examples = "1") Integer pageNumber) {
    }

    @Schema(name = "DciSearchCriteria", description = "What to search for, how to sort and which page.")
    public record SearchCriteria(
            @Schema(description = "Criteria version", defaultValue = "1.0.0", maxLength = 20, examples = "1.0.0")
            String version,
            @JsonProperty("query_type") @Schema(required = true, description = "The shape of query",
                    enumeration = { "idtype-value", "expression", "predicate" }, examples = "predicate") String queryType,
            @JsonProperty("response_entity") @Schema(description = "Group: households; Member: persons. Absent: Member for "
                    + "a NIK, the expression's collection, else Group", enumeration = { "Group", "Member" },
                    examples = "Group") String responseEntity,
            @Schema(required = true, description = "An idtype-value object, an expression object, or a list of predicates",
                    anyOf = { IdTypeValueQuery.class, ExpressionQuery.class, Predicate[].class }) Object query,
            @Schema(description = "Sort keys in order; records equal on all of them follow by No. KK (Group) or NIK "
                    + "(Member)", maxItems = 10) List<Sort> sort,
            @Schema(description = "The page; absent: the first 100 records") PaginationRequest pagination,
            @Schema(description = "The spec's Consent object; kept with the transaction, not read") JsonNode consent,
            @Schema(description = "The spec's Authorize object; kept with the transaction, not read") JsonNode authorize) {
    }

    @Schema(name = "DciSearchRequestItem", description = "One search of the batch.")
    public record SearchRequestItem(
            @JsonProperty("reference_id") @Schema(required = true, description = REFERENCE_ID, maxLength = ID_LENGTH,
                    examples = "ref-1") String referenceId,
            @Schema(required = true, description = TIMESTAMP, examples = "2025-11-23T10:00:00+07:00") OffsetDateTime timestamp,
            @JsonProperty("search_criteria") @Schema(required = true, description = "What to search for")
            SearchCriteria searchCriteria,
            @Schema(description = "ISO 639-3 language code", pattern = "^[a-z]{3}$", examples = "ind") String locale) {
    }

    @Schema(name = "DciSearchRequest", description = "SearchRequest: a batch of searches.")
    public record SearchRequest(
            @JsonProperty("transaction_id") @Schema(required = true, description = TRANSACTION_ID, maxLength = 99,
                    examples = "txn-0001") String transactionId,
            @JsonProperty("search_request") @Schema(required = true, description = "The searches; each is answered on its "
                    + "own, in order", maxItems = 1000) List<SearchRequestItem> searchRequest) {
    }

    @Schema(name = "DciSearchEnvelope", description = "A search message: signature, header (action search) and the "
            + "SearchRequest.")
    public record SearchEnvelope(
            @Schema(description = SIGNATURE, maxLength = URI_LENGTH, examples = SIGNATURE_EXAMPLE) String signature,
            @Schema(required = true, description = "The header, action search") MsgHeader header,
            @Schema(required = true, description = "The request") SearchRequest message) {
    }

    @Schema(name = "DciPagination", description = "The page answered and the number of records in all pages.")
    public record Pagination(
            @JsonProperty("page_size") @Schema(description = "Records per page", examples = "50") Integer pageSize,
            @JsonProperty("page_number") @Schema(description = "Page number from 1", examples = "1") Integer pageNumber,
            @JsonProperty("total_count") @Schema(description = "Records matching in all pages", examples = "137")
            Long totalCount) {
    }

    @Schema(name = "DciSearchData", description = "The records found.")
    public record SearchData(
            @Schema(description = "Record version", examples = "1.0.0") String version,
            @JsonProperty("reg_records") @Schema(description = "Group records (a household: group_identifier KK and "
                    + "HOUSEHOLD_ID, poverty_score = desil with poverty_score_type desil, group_size, group_head_info, "
                    + "member_list) or Member records (a person: member_identifier NIK, demographic_info, relationship_head); "
                    + "Indonesian fields the spec lacks are additional_attributes name/value pairs")
            List<JsonNode> regRecords) {
    }

    @Schema(name = "DciSearchResponseItem", description = "The answer to one search of the batch.")
    public record SearchResponseItem(
            @JsonProperty("reference_id") @Schema(required = true, description = REFERENCE_ID, examples = "ref-1")
            String referenceId,
            @Schema(required = true, description = TIMESTAMP, examples = "2025-11-23T03:00:01.240Z") OffsetDateTime timestamp,
            @Schema(required = true, description = "succ, or rjct when this search could not run",
                    enumeration = { "succ", "rjct" }, examples = "succ") String status,
            @JsonProperty("status_reason_code") @Schema(description = "With rjct: the spec's SearchStatusReasonCode",
                    enumeration = { "rjct.search_criteria.invalid", "rjct.sort.invalid", "rjct.pagination.invalid" },
                    examples = "rjct.search_criteria.invalid") String statusReasonCode,
            @JsonProperty("status_reason_message") @Schema(description = "With rjct: what is wrong", maxLength = 999,
                    examples = "region 35.01 is outside your region scope [33.20]") String statusReasonMessage,
            @Schema(description = "With succ: the records of the page") SearchData data,
            @Schema(description = "With succ: the page and the total") Pagination pagination,
            @Schema(description = "The request's locale", examples = "ind") String locale) {
    }

    @Schema(name = "DciSearchResponse", description = "SearchResponse: the answers to a batch of searches, in order.")
    public record SearchResponse(
            @JsonProperty("transaction_id") @Schema(required = true, description = TRANSACTION_ID, examples = "txn-0001")
            String transactionId,
            @JsonProperty("correlation_id") @Schema(required = true, description = "The registry's id of this transaction",
                    examples = "2b7e9c40-1d3f-4a6b-8c5e-7f9a0b1c2d3e") String correlationId,
            @JsonProperty("search_response") @Schema(required = true, description = "One answer per search, in the order "
                    + "asked") List<SearchResponseItem> searchResponse) {
    }

    @Schema(name = "DciOnSearchEnvelope", description = "The answer to a search: header (action on-search) and the "
            + "SearchResponse. The synchronous search answers it; the asynchronous one POSTs it to sender_uri.")
    public record OnSearchEnvelope(@Schema(required = true, description = "The header, action on-search") CallbackHeader header,
            @Schema(description = "The answers") SearchResponse message) {
    }

    // --- transaction status ---

    @Schema(name = "DciTxnStatusQuery", description = "Which earlier transaction of the sender to answer for.")
    public record TxnStatusQuery(
            @JsonProperty("reference_id") @Schema(required = true, description = "The sender's id of this status request",
                    maxLength = ID_LENGTH, examples = "ref-status-1") String referenceId,
            @JsonProperty("txn_type") @Schema(required = true, description = "The transaction's type as the spec names it; "
                    + "the registry answers for the transaction whatever it is",
                    enumeration = { "search", "subscibe", "receipt" }, examples = "search") String txnType,
            @JsonProperty("attribute_type") @Schema(required = true, description = "What attribute_value is: the sender's "
                    + "transaction_id (its latest transaction with it), the registry's correlation_id, or a list of the "
                    + "sender's reference_ids (its latest search with one of them)",
                    enumeration = { "transaction_id", "reference_id_list", "correlation_id" }, examples = "correlation_id")
            String attributeType,
            @JsonProperty("attribute_value") @Schema(required = true, description = "A transaction_id or correlation_id, or "
                    + "a list of reference_ids", anyOf = { String.class, String[].class }) Object attributeValue,
            @Schema(description = "ISO 639-3 language code", pattern = "^[a-z]{3}$", examples = "ind") String locale) {
    }

    @Schema(name = "DciTxnStatusRequest", description = "TxnStatusRequest: the status of one earlier transaction.")
    public record TxnStatusRequest(
            @JsonProperty("transaction_id") @Schema(required = true, description = TRANSACTION_ID, maxLength = 99,
                    examples = "txn-0002") String transactionId,
            @JsonProperty("txnstatus_request") @Schema(required = true, description = "Which transaction")
            TxnStatusQuery txnstatusRequest) {
    }

    @Schema(name = "DciTxnStatusEnvelope", description = "A transaction status message: signature, header (action "
            + "txn-status) and the TxnStatusRequest.")
    public record TxnStatusEnvelope(
            @Schema(description = SIGNATURE, maxLength = URI_LENGTH, examples = SIGNATURE_EXAMPLE) String signature,
            @Schema(required = true, description = "The header, action txn-status") MsgHeader header,
            @Schema(required = true, description = "The request") TxnStatusRequest message) {
    }

    @Schema(name = "DciTxnStatusResult", description = "The transaction asked about and its stored answer.")
    public record TxnStatusResult(
            @JsonProperty("txn_type") @Schema(description = "Always search", examples = "search") String txnType,
            @JsonProperty("txn_status") @Schema(description = "The message part of the registry's answer to that "
                    + "transaction (a SearchResponse, or what a subscribe or unsubscribe answered); while it is still "
                    + "pending, its transaction_id and correlation_id with an empty search_response") JsonNode txnStatus) {
    }

    @Schema(name = "DciTxnStatusResponse", description = "TxnStatusResponse: the status of one earlier transaction.")
    public record TxnStatusResponse(
            @JsonProperty("transaction_id") @Schema(required = true, description = TRANSACTION_ID, examples = "txn-0002")
            String transactionId,
            @JsonProperty("correlation_id") @Schema(required = true, description = "The registry's id of this status "
                    + "request", examples = "8c9d0e1f-2a3b-4c5d-9e6f-7a8b9c0d1e2f") String correlationId,
            @JsonProperty("txnstatus_response") @Schema(required = true, description = "The transaction's status")
            TxnStatusResult txnstatusResponse) {
    }

    @Schema(name = "DciTxnOnStatusEnvelope", description = "The answer to a status request: header (action "
            + "txn-on-status) and the TxnStatusResponse. The synchronous request answers it; the asynchronous one POSTs it "
            + "to sender_uri.")
    public record TxnOnStatusEnvelope(
            @Schema(required = true, description = "The header, action txn-on-status") CallbackHeader header,
            @Schema(description = "The status") TxnStatusResponse message) {
    }

    // --- subscriptions ---

    @Schema(name = "DciSubscribeCriteria", description = "Which registry events to be told of, where, and as what.")
    public record SubscribeCriteria(
            @Schema(description = "Criteria version", defaultValue = "1.0.0", maxLength = 20, examples = "1.0.0")
            String version,
            @JsonProperty("reg_type") @Schema(description = "The spec's registry type; not read", maxLength = NAME_LENGTH,
                    examples = "ns:org:RegistryType:Social") String regType,
            @JsonProperty("reg_event_type") @Schema(required = true, description = "register (a household registered), "
                    + "update (changed, a member died or left), delete (dissolved), link (moved, split or merged), unlink "
                    + "(never sent yet) or any; a prefixed name such as spdci-common:RegistryEventType:Update counts by its "
                    + "last part", maxLength = NAME_LENGTH, examples = "update") String regEventType,
            @Schema(description = "The spec's EventFrequency; not read, every event is notified as it happens")
            JsonNode frequency,
            @JsonProperty("filter_type") @Schema(description = "The shape of filter; kept with the subscription",
                    enumeration = { "idtype-value", "expression", "predicate" }, examples = "predicate") String filterType,
            @Schema(required = true, description = "Where: its region conditions (attribute_name region, location, "
                    + "village_code or area_code with a Kemendagri code or list of codes) narrow the subscription within "
                    + "the token's regions; without one it covers all of them",
                    anyOf = { IdTypeValueQuery.class, ExpressionQuery.class, Predicate[].class }) Object filter,
            @JsonProperty("notify_record_type") @Schema(required = true, description = "Group: households are notified as "
                    + "Group records (a prefixed name counts by its last part)", maxLength = NAME_LENGTH, examples = "Group")
            String notifyRecordType,
            @Schema(description = "The spec's Authorize object; not read") JsonNode authorize) {
    }

    @Schema(name = "DciSubscribeRequestItem", description = "One subscription asked for.")
    public record SubscribeRequestItem(
            @JsonProperty("reference_id") @Schema(required = true, description = REFERENCE_ID, maxLength = ID_LENGTH,
                    examples = "sub-1") String referenceId,
            @Schema(required = true, description = TIMESTAMP, examples = "2025-11-23T10:00:00+07:00") OffsetDateTime timestamp,
            @JsonProperty("subscribe_criteria") @Schema(required = true, description = "What to be told of")
            SubscribeCriteria subscribeCriteria,
            @Schema(description = "ISO 639-3 language code", pattern = "^[a-z]{3}$", examples = "ind") String locale) {
    }

    @Schema(name = "DciSubscribeRequest", description = "SubscribeRequest: subscriptions to registry events.")
    public record SubscribeRequest(
            @JsonProperty("transaction_id") @Schema(required = true, description = TRANSACTION_ID, maxLength = 99,
                    examples = "txn-0003") String transactionId,
            @JsonProperty("subscribe_request") @Schema(required = true, description = "The subscriptions asked for; each is "
                    + "made or refused on its own", maxItems = 1000) List<SubscribeRequestItem> subscribeRequest) {
    }

    @Schema(name = "DciSubscribeEnvelope", description = "A subscribe message: signature, header (action subscribe) and "
            + "the SubscribeRequest.")
    public record SubscribeEnvelope(
            @Schema(description = SIGNATURE, maxLength = URI_LENGTH, examples = SIGNATURE_EXAMPLE) String signature,
            @Schema(required = true, description = "The header, action subscribe") MsgHeader header,
            @Schema(required = true, description = "The request") SubscribeRequest message) {
    }

    @Schema(name = "DciUnsubscribeRequest", description = "UnSubscribeRequest: subscriptions to end.")
    public record UnsubscribeRequest(
            @JsonProperty("transaction_id") @Schema(required = true, description = TRANSACTION_ID, maxLength = 99,
                    examples = "txn-0004") String transactionId,
            @Schema(required = true, description = TIMESTAMP, examples = "2025-12-31T10:00:00+07:00") OffsetDateTime timestamp,
            @JsonProperty("subscription_codes") @Schema(required = true, description = "Codes of the sender's own "
                    + "subscriptions, as on-subscribe gave them", maxItems = 1000,
                    examples = "[\"4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f\"]") List<@Size(max = 99) String> subscriptionCodes) {
    }

    @Schema(name = "DciUnsubscribeEnvelope", description = "An unsubscribe message: signature, header (action unsubscribe) "
            + "and the UnSubscribeRequest.")
    public record UnsubscribeEnvelope(
            @Schema(description = SIGNATURE, maxLength = URI_LENGTH, examples = SIGNATURE_EXAMPLE) String signature,
            @Schema(required = true, description = "The header, action unsubscribe") MsgHeader header,
            @Schema(required = true, description = "The request") UnsubscribeRequest message) {
    }

    // --- tokens ---

    @Schema(name = "DciAccessToken", description = "An OAuth2 access token (RFC 6749 §5.1).")
    public record AccessToken(
            @JsonProperty("access_token") @Schema(required = true, description = "RS256-signed JWT: subject and sender_id "
                    + "the client id, groups its roles, regions its region-code prefixes",
                    examples = "eyJhbGciOiJSUzI1NiIsImtpZCI6Imx1bWJ1bmctZGNpLTEiLCJ0eXAiOiJKV1QifQ.eyJzdWIiOiJzcG1pcy1qZXBhcmEifQ.c2lnbmF0dXJl")
            String accessToken,
            @JsonProperty("token_type") @Schema(required = true, description = "Always Bearer", enumeration = "Bearer",
                    examples = "Bearer") String tokenType,
            @JsonProperty("expires_in") @Schema(required = true, description = "Seconds the token is valid",
                    examples = "900") long expiresIn) {
    }

    @Schema(name = "DciOAuthError", description = "An OAuth2 error (RFC 6749 §5.2).")
    public record OAuthError(
            @Schema(required = true, description = "unsupported_grant_type: not client_credentials; invalid_request: no "
                    + "client_id or client_secret, or Basic credentials that are not base64; invalid_client: unknown client "
                    + "or wrong secret; temporarily_unavailable: no signing key is configured",
                    enumeration = { "unsupported_grant_type", "invalid_request", "invalid_client", "temporarily_unavailable" },
                    examples = "invalid_client") String error,
            @JsonProperty("error_description") @Schema(description = "What is wrong",
                    examples = "unknown client or wrong secret") String errorDescription) {
    }

    @Schema(name = "DciJsonWebKey", description = "The public half of an RSA signing key (RFC 7517).")
    public record JsonWebKey(
            @Schema(description = "Key type", examples = "RSA") String kty,
            @Schema(description = "Key id, the kid of the tokens it verifies", examples = "lumbung-dci-1") String kid,
            @Schema(description = "Use", examples = "sig") String use,
            @Schema(description = "Algorithm", examples = "RS256") String alg,
            @Schema(description = "Modulus, base64url", examples = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw")
            String n,
            @Schema(description = "Public exponent, base64url", examples = "AQAB") String e) {
    }

    @Schema(name = "DciJsonWebKeySet", description = "The public keys of the DCI tokens the registry issues (RFC 7517); "
            + "empty when no signing key is configured.")
    public record JsonWebKeySet(@Schema(description = "The keys; none when no signing key is configured") List<JsonWebKey> keys) {
    }
}
