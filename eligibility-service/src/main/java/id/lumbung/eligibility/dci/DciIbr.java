package id.lumbung.eligibility.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.lumbung.eligibility.persistence.Enrolments;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.dci.DciEnvelope;
import id.lumbung.platform.dci.DciException;
import id.lumbung.platform.dci.DciMessages;
import id.lumbung.platform.dci.DciSignatures;
import id.lumbung.platform.dci.DciSpec;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.security.RegionScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The DCI Integrated Beneficiary Registry operations: which programs a family is enrolled in and since when
 * ({@code registry/sync/enrolled}), and which enrolments began or ended since a time ({@code registry/sync/search}).
 * Another system asks them before it pays, so that no family receives aid twice.
 */
@ApplicationScoped
public class DciIbr {

    /** The shipped DCI IBR spec every request is checked against. */
    public static final String SPEC_RESOURCE = "dci/ibr_api_v1.0.0.yaml";
    static final DciSpec SPEC = DciSpec.load(SPEC_RESOURCE);

    /** The spec's enrolment statuses (code directory cd.ibr.02). */
    static final String ACTIVE = "Active";
    static final String INACTIVE = "Inactive";

    private static final Logger LOG = Logger.getLogger(DciIbr.class);

    private final Enrolments enrolments;
    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final DciConfig config;

    public DciIbr(Enrolments enrolments, AgroalDataSource dataSource, AuditLog audit, ObjectMapper json, Clock clock,
            DciConfig config) {
        this.enrolments = enrolments;
        this.dataSource = dataSource;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /** Every envelope check, the signature when the sender registered a key, then the message id taken once. */
    public DciEnvelope open(String path, String action, String body, String caller) {
        var e = DciEnvelope.open(json, SPEC, path, action, body, caller, config.ibrId());
        DciSignatures.verify(registeredKey(e.senderId()), e, clock.instant(), config.requireSignatures());
        if (!firstReceipt(e)) {
            throw new DciException(DciException.Code.REQUEST_BAD, "rjct.message_id.duplicate",
                    "message_id " + e.messageId() + " was already received from " + e.senderId());
        }
        return e;
    }

    /** Records the sender's message id; false when the sender used it before. */
    private boolean firstReceipt(DciEnvelope e) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                insert into dci_message (sender_id, message_id, action) values (?, ?, ?)
                on conflict (sender_id, message_id) do nothing""")) {
            s.setString(1, e.senderId());
            s.setString(2, e.messageId());
            s.setString(3, e.action());
            return s.executeUpdate() == 1;
        } catch (SQLException ex) {
            throw new IllegalStateException("message id record failed: " + ex.getMessage(), ex);
        }
    }

    /** The caller's regions, refusing a token that names none. */
    public static void requireRegions(RegionScope scope) {
        if (!scope.national() && scope.regions().isEmpty()) {
            throw new DciException(DciException.Code.REQUEST_FORBIDDEN, "your token names no region");
        }
    }

    // ---- registry/sync/enrolled

    private record Identifier(String type, String value, String programCode) {
        String masked() {
            return type + " " + Masking.nik(value);
        }
    }

    public ObjectNode enrolled(DciEnvelope e, RegionScope scope) {
        requireRegions(scope);
        var criteria = e.message().path("enrolled_criteria");
        var id = identifier(criteria);
        String referenceId = criteria.path("reference_id").asText(e.transactionId());
        var households = ("NIK".equals(id.type()) ? enrolments.byNik(id.value()) : enrolments.byNoKk(id.value())).stream()
                .filter(h -> scope.allows(RegionCode.of(h.villageCode()))).toList();

        var message = json.createObjectNode();
        message.put("transaction_id", e.transactionId());
        message.put("correlation_id", UUID.randomUUID().toString());
        var item = message.putArray("enrolled_response").addObject();
        item.put("reference_id", referenceId);
        item.put("timestamp", DciMessages.now(clock));
        String status;
        if (households.isEmpty()) {
            // unknown, or outside the caller's regions: the same answer, so scope never tells a family exists
            status = "rjct";
            item.put("status", status);
            item.put("status_reason_message", "no household with this " + id.type() + " in your regions");
            item.put("enrolled_status", "no");
            audit.record("DCI_ENROLLED", "household", "-", "DCI " + e.senderId() + " transaction " + e.transactionId()
                    + " by " + id.masked() + ": not found");
        } else {
            var ids = households.stream().map(Enrolments.Found::householdId).toList();
            var found = enrolments.of(ids, id.programCode());
            long active = found.stream().filter(Enrolments.Enrolment::active).count();
            status = "succ";
            item.put("status", status);
            item.put("enrolled_status", active > 0 ? "yes" : "no");
            item.put("status_reason_message", active > 0 ? active + " active enrolment(s)" : "not enrolled in any program"
                    + (id.programCode() == null ? "" : " " + id.programCode()));
            var data = item.putObject("data");
            data.put("version", "1.0.0");
            var records = data.putArray("reg_records");
            found.forEach(en -> records.add(beneficiary(en)));
            audit.record("DCI_ENROLLED", "household", String.join(",", ids.stream().map(UUID::toString).toList()),
                    "DCI " + e.senderId() + " transaction " + e.transactionId() + " by " + id.masked() + ": "
                            + found.size() + " enrolments, " + active + " active");
        }
        LOG.debugf("DCI enrolled by %s for %s: %s", id.masked(), e.senderId(), status);
        return DciMessages.answer(DciMessages.header(json, clock, config.ibrId(), "on-search", status, e.senderId(), 1, 1),
                message);
    }

    private static Identifier identifier(JsonNode criteria) {
        String queryType = criteria.path("query_type").asText("");
        JsonNode query = criteria.path("query");
        String type;
        String value;
        String program = null;
        switch (queryType) {
            case "idtype-value" -> {
                type = normalType(query.path("type").asText(""));
                value = query.path("value").isValueNode() ? query.path("value").asText() : null;
            }
            case "expression" -> {
                type = null;
                value = null;
                for (var field : query.properties()) {
                    String name = field.getKey();
                    String eq = equalsValue(field.getValue());
                    if (name.matches("programme_identifier\\.programm?e?\\.programme_identifier|programme_identifier|program_code")) {
                        program = eq;
                    } else if (normalType(name) != null && type == null) {
                        type = normalType(name);
                        value = eq;
                    } else {
                        throw bad("the enrolled expression knows person_identifier (NIK), group_identifier (KK) and "
                                + "programme_identifier.programme.programme_identifier, each as {\"eq\": value}; not " + name);
                    }
                }
            }
            default -> throw bad("query_type " + queryType + " is not supported on registry/sync/enrolled; use idtype-value"
                    + " ({\"type\": \"NIK\" or \"KK\", \"value\": ...}) or expression");
        }
        if (type == null || value == null) {
            throw bad("the enrolled query must name one NIK or KK (type NIK or KK with its value)");
        }
        value = value.strip();
        if (!value.matches("\\d{16}")) {
            throw bad(type + " must be exactly 16 digits");
        }
        if (program != null && !program.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw bad("programme_identifier must be a program code like BLTS_KESRA_2025");
        }
        return new Identifier(type, value, program);
    }

    private static String normalType(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "NIK", "PERSON_IDENTIFIER", "MEMBER_IDENTIFIER" -> "NIK";
            case "KK", "NO_KK", "GROUP_IDENTIFIER" -> "KK";
            default -> null;
        };
    }

    private static String equalsValue(JsonNode condition) {
        JsonNode eq = condition.has("eq") ? condition.get("eq") : condition.get("$eq");
        if (eq == null || !eq.isValueNode()) {
            throw bad("each attribute of the enrolled expression is {\"eq\": value}");
        }
        return eq.asText();
    }

    // ---- registry/sync/search: enrolment changes

    private record ChangeQuery(Instant since, boolean inclusive, String programCode, List<String> regions) {
    }

    public ObjectNode changes(DciEnvelope e, RegionScope scope) {
        requireRegions(scope);
        var message = json.createObjectNode();
        message.put("transaction_id", e.transactionId());
        message.put("correlation_id", UUID.randomUUID().toString());
        var items = message.putArray("search_response");
        boolean any = false;
        for (var request : e.message().path("search_request")) {
            var item = items.addObject();
            item.put("reference_id", request.path("reference_id").asText());
            item.put("timestamp", DciMessages.now(clock));
            try {
                changesOf(e, request.path("search_criteria"), scope, item);
                any = true;
            } catch (Refused r) {
                item.put("status", "rjct");
                item.put("status_reason_code", r.reason);
                item.put("status_reason_message", DciMessages.limit(r.getMessage()));
            }
        }
        int n = items.size();
        return DciMessages.answer(DciMessages.header(json, clock, config.ibrId(), "on-search", any ? "succ" : "rjct",
                e.senderId(), n, n), message);
    }

    /** A search item refused with one of the spec's {@code SearchStatusReasonCode}s. */
    private static final class Refused extends RuntimeException {
        final String reason;

        Refused(String reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    private void changesOf(DciEnvelope e, JsonNode criteria, RegionScope scope, ObjectNode item) {
        String eventType = criteria.path("reg_event_type").asText("");
        boolean began = !"enrollement_status_change".equals(eventType);
        boolean ended = !"enrollement".equals(eventType);
        var query = changeQuery(criteria);
        for (var sort : criteria.path("sort")) {
            if (!"status_change_date".equals(sort.path("attribute_name").asText()) || "desc".equals(sort.path("sort_order").asText())) {
                throw new Refused("rjct.sort.invalid", "changes come oldest first by status_change_date only");
            }
        }
        JsonNode pagination = criteria.path("pagination");
        int size = pagination.path("page_size").asInt(100);
        int number = pagination.path("page_number").asInt(1);
        if (size < 1 || size > config.maxPageSize() || number < 1) {
            throw new Refused("rjct.pagination.invalid", "page_size is 1 to " + config.maxPageSize() + ", page_number from 1");
        }
        List<String> patterns = scope.national() ? null : scope.likePatterns();
        if (!query.regions().isEmpty()) {
            var asked = query.regions().stream().map(RegionCode::of).toList();
            if (!scope.national()) {
                // only the parts of the asked regions inside the caller's own
                asked = asked.stream().flatMap(a -> scope.regions().stream()
                        .filter(r -> r.isWithin(a) || a.isWithin(r)).map(r -> r.isWithin(a) ? r : a)).distinct().toList();
            }
            patterns = asked.stream().map(r -> r.value() + "%").toList();
            if (patterns.isEmpty()) {
                throw new Refused("rjct.search_criteria.invalid", "the region asked for is outside your region scope");
            }
        }
        var page = enrolments.changes(query.since(), query.inclusive(), began, ended, query.programCode(), patterns,
                (number - 1) * size, size);
        item.put("status", "succ");
        var data = item.putObject("data");
        data.put("version", "1.0.0");
        var records = data.putArray("reg_records");
        for (var change : page.changes()) {
            var record = beneficiary(change.enrolment());
            var extra = (ArrayNode) record.get("additional_attributes");
            attribute(extra, "perubahan", change.kind());
            attribute(extra, "waktu_perubahan", iso(change.at()));
            records.add(record);
        }
        var p = item.putObject("pagination");
        p.put("page_size", size);
        p.put("page_number", number);
        p.put("total_count", page.total());
        audit.record("DCI_ENROLMENT_CHANGES", "enrolment", "since " + iso(query.since()), "DCI " + e.senderId()
                + " transaction " + e.transactionId() + " page " + number + ": " + page.changes().size() + " of " + page.total());
    }

    private static ChangeQuery changeQuery(JsonNode criteria) {
        if (!"predicate".equals(criteria.path("query_type").asText())) {
            throw new Refused("rjct.search_criteria.invalid", "enrolment changes are asked with query_type predicate: "
                    + "status_change_date ge|gt <ISO time>, optionally programme_identifier eq <code> and region eq <code>");
        }
        Instant since = null;
        boolean inclusive = true;
        String program = null;
        var regions = new ArrayList<String>();
        for (var item : criteria.path("query")) {
            for (var expression : List.of(item.path("expression1"), item.path("expression2"))) {
                if (expression.isMissingNode()) {
                    continue;
                }
                String name = expression.path("attribute_name").asText();
                String op = expression.path("operator").asText();
                String value = expression.path("attribute_value").asText();
                switch (name + " " + op) {
                    case "status_change_date ge", "status_change_date gt" -> {
                        try {
                            since = OffsetDateTime.parse(value).toInstant();
                        } catch (DateTimeParseException ex) {
                            throw new Refused("rjct.search_criteria.invalid", "status_change_date must be an ISO 8601 time"
                                    + " with offset, like 2025-11-01T00:00:00+07:00");
                        }
                        inclusive = "ge".equals(op);
                    }
                    case "programme_identifier eq" -> program = value;
                    case "region eq" -> {
                        if (RegionCode.problemWith(value).isPresent()) {
                            throw new Refused("rjct.search_criteria.invalid", "region must be a Kemendagri code like 33.20");
                        }
                        regions.add(value);
                    }
                    default -> throw new Refused("rjct.search_criteria.invalid", "enrolment changes are filtered by "
                            + "status_change_date (ge, gt), programme_identifier (eq) and region (eq); not " + name + " " + op);
                }
            }
            if (item.has("condition") && !"and".equals(item.path("condition").asText())) {
                throw new Refused("rjct.search_criteria.invalid", "predicate items are combined with and only");
            }
        }
        if (since == null) {
            throw new Refused("rjct.search_criteria.invalid", "name the time the changes are wanted from: status_change_date ge <time>");
        }
        return new ChangeQuery(since, inclusive, program, regions);
    }

    // ---- records

    /** An enrolment as the spec's {@code Beneficiary} record, with the Indonesian details in {@code additional_attributes}. */
    private ObjectNode beneficiary(Enrolments.Enrolment en) {
        var record = json.createObjectNode();
        record.put("@type", "Beneficiary");
        var group = record.putObject("group");
        group.put("@type", "Group");
        var ids = group.putArray("group_identifier");
        identifier(ids, "KK", en.noKk());
        identifier(ids, "HOUSEHOLD_ID", en.householdId().toString());
        var enrolment = record.putObject("programme_identifier");
        var programme = enrolment.putObject("programme");
        programme.put("programme_identifier", en.programCode());
        programme.put("programme_name", en.programName());
        enrolment.put("enrolment_date", iso(en.since()));
        enrolment.put("enrolment_status", en.active() ? ACTIVE : INACTIVE);
        enrolment.put("status_change_date", iso(en.active() ? en.since() : en.endedAt()));
        var benefits = enrolment.putObject("benefits");
        benefits.put("benefit_type", "Cash");
        benefits.put("benefit_value", "IDR " + (en.lumpSum() ? en.amountPerMonth() * en.months() : en.amountPerMonth()));
        benefits.put("benefit_frequency", en.lumpSum() ? "Once" : "Monthly");
        if ("PAID".equals(en.paymentStatus())) {
            benefits.put("benefit_date", iso(en.paymentAt()));
        }
        var extra = record.putArray("additional_attributes");
        attribute(extra, "periode", en.period());
        attribute(extra, "daftar_penerima_id", en.listId().toString());
        attribute(extra, "wilayah_penetapan", en.listRegion());
        attribute(extra, "village_code", en.villageCode());
        attribute(extra, "nominal_per_bulan", en.amountPerMonth());
        attribute(extra, "jumlah_bulan", en.months());
        attribute(extra, "dibayar_sekaligus", en.lumpSum());
        if (!en.active()) {
            attribute(extra, "alasan_berakhir", "TOLAK".equals(en.endReason()) ? "DECLINED_TOLAK" : "SANGGAH_UPHELD");
        }
        if (en.paymentStatus() != null) {
            attribute(extra, "status_pembayaran", en.paymentStatus());
            attribute(extra, "tanggal_status_pembayaran", iso(en.paymentAt()));
        }
        return record;
    }

    private static void identifier(ArrayNode into, String type, String value) {
        var id = into.addObject();
        id.put("identifier_type", type);
        id.put("identifier_value", value);
    }

    private static void attribute(ArrayNode into, String name, Object value) {
        var a = into.addObject();
        a.put("attribute_name", name);
        switch (value) {
            case Boolean b -> a.put("attribute_value", b);
            case Integer i -> a.put("attribute_value", i);
            case Long l -> a.put("attribute_value", l);
            default -> a.put("attribute_value", value.toString());
        }
    }

    private static String iso(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    private static DciException bad(String why) {
        return new DciException(DciException.Code.REQUEST_BAD, why);
    }

    private Optional<DciSignatures.SenderKey> registeredKey(String senderId) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select key_id, public_key_pem from dci_sender where sender_id = ?")) {
            s.setString(1, senderId);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(DciSignatures.SenderKey.fromPem(senderId, rs.getString(1), rs.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("sender key lookup failed: " + ex.getMessage(), ex);
        }
    }
}
