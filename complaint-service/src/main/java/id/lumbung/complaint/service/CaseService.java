package id.lumbung.complaint.service;

import id.lumbung.complaint.config.ComplaintConfig;
import id.lumbung.complaint.domain.CaseAction;
import id.lumbung.complaint.domain.CaseNumber;
import id.lumbung.complaint.domain.CaseStateMachine;
import id.lumbung.complaint.domain.CaseStatus;
import id.lumbung.complaint.domain.CaseType;
import id.lumbung.complaint.domain.SlaPolicy;
import id.lumbung.complaint.domain.SubmissionPolicy;
import id.lumbung.complaint.domain.Violation;
import id.lumbung.complaint.events.OutcomeEvents;
import id.lumbung.complaint.mapping.CaseMapper;
import id.lumbung.complaint.persistence.CaseActivityEntity;
import id.lumbung.complaint.persistence.CaseEntity;
import id.lumbung.complaint.persistence.CaseNumbers;
import id.lumbung.complaint.persistence.DeterminationView;
import id.lumbung.complaint.rest.CaseApi;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.Nik;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.id.Regions;
import id.lumbung.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Submits, moves and reads cases: policy, state machine, routing, SLA dates, outcome event, audit. */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);
    /** Case numbers follow the Indonesian calendar year (WIB), not UTC's. */
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the number is unknown, so both misses cost the same. */
    private static final String NO_SUCH_CASE = hash("no such case");

    private final CaseNumbers numbers;
    private final DeterminationView determinations;
    private final ExplanationService explanations;
    private final OutcomeEvents outcomes;
    private final AuditLog audit;
    private final Clock clock;
    private final SlaPolicy sla;
    private final CaseStateMachine machine;
    private final MeterRegistry metrics;

    public CaseService(CaseNumbers numbers, DeterminationView determinations, ExplanationService explanations,
            OutcomeEvents outcomes, AuditLog audit, Clock clock, ComplaintConfig config, MeterRegistry metrics) {
        this.numbers = numbers;
        this.determinations = determinations;
        this.explanations = explanations;
        this.outcomes = outcomes;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        this.sla = config.sla().policy();
        this.machine = new CaseStateMachine(sla);
    }

    /**
     * Records a new case routed to its first team. {@code operator} is empty for a citizen's own submission
     * through the app, web or WhatsApp; an operator submitting on someone's behalf must have the village in scope.
     */
    @Transactional
    public CaseApi.Submitted submit(CaseApi.SubmitCase in, Optional<Actor> operator) {
        if (in.channel().enteredByOperator() && operator.isEmpty()) {
            throw new ProblemException(401, "unauthorized", "Unauthorized",
                    "a " + in.channel() + " case is entered by an operator: send a bearer token");
        }
        var village = RegionCode.of(in.villageCode());
        Regions.problemWith(village.value()).ifPresent(problem -> {
            throw ProblemException.invalid("villageCode", problem);
        });
        operator.ifPresent(o -> o.scope().require(village));
        var reporter = in.reporter();
        String nik = null;
        RegionCode reporterVillage = null;
        if (reporter != null) {
            nik = Nik.of(reporter.nik()).value();
            if (reporter.villageCode() != null && !reporter.villageCode().isBlank()) {
                reporterVillage = RegionCode.of(reporter.villageCode());
                Regions.problemWith(reporterVillage.value()).ifPresent(problem -> {
                    throw ProblemException.invalid("reporter.villageCode", problem);
                });
            }
        }
        var type = in.type();
        var violations = new ArrayList<>(SubmissionPolicy.check(new SubmissionPolicy.Submission(type, village,
                in.householdId(), in.programCode(), reporter == null, reporterVillage, in.sanggah() != null)));
        if (violations.isEmpty() && in.householdId() != null && in.programCode() != null) {
            var known = determinations.latest(in.householdId(), in.programCode())
                    .map(d -> new SubmissionPolicy.KnownDetermination(d.villageCode(), d.eligible()));
            SubmissionPolicy.checkTarget(type, village, known).ifPresent(violations::add);
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }

        Instant now = clock.instant();
        var c = new CaseEntity();
        c.id = UUID.randomUUID();
        c.number = numbers.next(type, now.atZone(WIB).getYear());
        c.type = type.name();
        c.channel = in.channel().name();
        c.status = CaseStatus.SUBMITTED.name();
        c.handlingLevel = type.firstLevel().name();
        c.team = type.firstLevel().team(village);
        c.villageCode = village.value();
        c.householdId = in.householdId();
        c.programCode = in.programCode();
        c.reporterNik = nik;
        c.reporterVillageCode = reporterVillage == null ? null : reporterVillage.value();
        c.description = in.description().strip();
        if (in.sanggah() != null) {
            c.sanggahReason = in.sanggah().reason();
            c.sanggahStatement = in.sanggah().statement();
            c.photoRef = in.sanggah().photoRef();
            c.photoLatitude = in.sanggah().latitude();
            c.photoLongitude = in.sanggah().longitude();
        }
        String secret = secret();
        c.secretHash = hash(secret);
        c.submittedBy = operator.map(Actor::name).orElse("public:" + in.channel().name().toLowerCase());
        c.submittedAt = now;
        c.updatedAt = now;
        c.verifyDueAt = sla.verifyDue(type, now).orElse(null);
        c.persist();
        metrics.counter("lumbung.complaint.cases.submitted", "type", type.name(), "channel", in.channel().name()).increment();
        LOG.infof("case %s (%s via %s) in %s routed to %s, reporter %s", c.number, type, in.channel(), village, c.team,
                nik == null ? "anonymous" : Masking.nik(nik));
        return new CaseApi.Submitted(c.number, secret, type, CaseStatus.SUBMITTED, CaseMapper.handling(c), now,
                c.verifyDueAt, "/api/v1/cases/track?number=" + c.number);
    }

    /** Applies an operator's action through the state machine; a decided sanggah, tolak or usul publishes its outcome. */
    @Transactional
    public CaseApi.CaseView act(String number, CaseApi.ActionRequest in, Actor actor) {
        var c = load(number);
        actor.scope().require(RegionCode.of(c.villageCode));
        Instant now = clock.instant();
        var action = in.action();
        var permission = actor.level().refusal(c.level(), action);
        if (permission != null) {
            throw new ProblemException(403, "forbidden", "Forbidden", permission,
                    Map.of("currentStatus", c.status, "allowedActions", allowedFor(c, actor, now)));
        }
        requireInput(c, in);
        var decision = machine.decide(c.facts(), action, now);
        if (decision instanceof CaseStateMachine.Refused refused) {
            throw new ProblemException(409, "transition-refused", "Action not allowed in this state",
                    action + " refused: " + refused.reason() + " (case is " + c.status + ")",
                    Map.of("currentStatus", c.status, "action", action.name(),
                            "allowedActions", allowedFor(c, actor, now)));
        }
        var allowed = (CaseStateMachine.Allowed) decision;
        var from = c.caseStatus();
        var village = RegionCode.of(c.villageCode);
        switch (action) {
            case VERIFY -> {
                c.verifiedAt = now;
                c.followUpDueAt = sla.followUpDue(c.caseType(), now).orElse(null);
            }
            case APPEAL -> {
                c.decidedAt = null;
                c.outcomeDetail = null;
                c.followUpDueAt = sla.followUpDue(c.caseType(), now).orElse(null);
            }
            case RESOLVE, REJECT -> {
                c.decidedAt = now;
                c.outcomeDetail = in.outcomeDetail() != null ? in.outcomeDetail() : in.note();
                if (in.householdId() != null && c.householdId == null) {
                    c.householdId = in.householdId();
                }
            }
            case CLOSE -> c.closedAt = now;
            case ESCALATE -> {
                c.handlingLevel = allowed.level().name();
                c.team = allowed.level().team(village);
                c.assignee = null;
            }
            case ASSIGN -> c.assignee = in.assignee();
            case NOTE, VOID -> {
            }
        }
        c.status = allowed.to().name();
        c.updatedAt = now;

        var activity = new CaseActivityEntity();
        activity.caseId = c.id;
        activity.at = now;
        activity.action = action.name();
        activity.fromStatus = from.name();
        activity.toStatus = c.status;
        activity.actor = actor.name();
        activity.note = in.note();
        activity.assignee = action == CaseAction.ASSIGN ? in.assignee() : null;
        activity.attachments = in.attachments() == null ? new String[0] : in.attachments().toArray(String[]::new);
        activity.persist();

        if (action == CaseAction.RESOLVE) {
            c.caseType().outcomeWhenResolved().ifPresent(outcome -> outcomes.decided(c, outcome));
        }
        CaseEntity.flush();
        audit.record("UPDATE", "case", c.number, action.name());
        LOG.infof("case %s: %s by %s, %s -> %s, team %s", c.number, action, actor.name(), from, c.status, c.team);
        return view(c, actor, now);
    }

    @Transactional
    public CaseApi.CaseView find(String number, Actor actor) {
        var c = load(number);
        actor.scope().require(RegionCode.of(c.villageCode));
        audit.record("READ", "case", c.number, null);
        return view(c, actor, clock.instant());
    }

    /** Cases within the caller's regions, newest first, optionally narrowed by status, type and village. */
    @Transactional
    public CaseApi.CasePage list(CaseStatus status, CaseType type, RegionCode village, int page, int size,
            Actor actor) {
        var scope = actor.scope();
        if (village != null) {
            scope.require(village);
        }
        var where = new ArrayList<String>();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.add("status = :status");
            params.put("status", status.name());
        }
        if (type != null) {
            where.add("type = :type");
            params.put("type", type.name());
        }
        if (village != null) {
            where.add("(villageCode = :village or villageCode like :villagePrefix)");
            params.put("village", village.value());
            params.put("villagePrefix", village.value() + ".%");
        }
        if (!scope.national()) {
            var patterns = scope.likePatterns();
            if (patterns.isEmpty()) {
                return new CaseApi.CasePage(List.of(), page, size, 0);
            }
            var ors = new ArrayList<String>();
            for (int i = 0; i < patterns.size(); i++) {
                ors.add("villageCode like :scope" + i);
                params.put("scope" + i, patterns.get(i));
            }
            where.add("(" + String.join(" or ", ors) + ")");
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by submittedAt desc, number desc";
        var found = CaseEntity.<CaseEntity>find(where.isEmpty() ? query.strip() : query, params);
        long total = found.count();
        var items = found.page(page, size).list().stream().map(CaseMapper::summary).toList();
        audit.record("SEARCH", "case", "-", "status=" + status + " type=" + type + " village=" + village + " page=" + page);
        return new CaseApi.CasePage(items, page, size, total);
    }

    /**
     * The reporter's own view by number and secret. A wrong number and a wrong secret get the same answer,
     * so neither can be probed.
     */
    @Transactional
    public CaseApi.TrackedCase track(String number, String secret) {
        var c = CaseNumber.looksLikeOne(number) ? CaseEntity.byNumber(number) : Optional.<CaseEntity>empty();
        String expected = c.map(x -> x.secretHash).orElse(NO_SUCH_CASE);
        boolean matches = MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
        if (c.isEmpty() || !matches) {
            throw new ProblemException(404, "case-not-found", "Case not found", "no case matches this number and secret");
        }
        return CaseMapper.tracked(c.get(), CaseActivityEntity.of(c.get().id));
    }

    private CaseApi.CaseView view(CaseEntity c, Actor actor, Instant now) {
        var explanation = c.caseType() == CaseType.ADUAN && c.householdId != null
                ? explanations.explain(c.householdId).orElse(null)
                : null;
        return CaseMapper.view(c, CaseActivityEntity.of(c.id), sla, now, allowedFor(c, actor, now), explanation);
    }

    private java.util.Set<CaseAction> allowedFor(CaseEntity c, Actor actor, Instant now) {
        if (actor.level() == null) {
            return java.util.EnumSet.noneOf(CaseAction.class);
        }
        var allowed = machine.allowed(c.facts(), now);
        allowed.removeIf(a -> actor.level().refusal(c.level(), a) != null);
        return allowed;
    }

    private static void requireInput(CaseEntity c, CaseApi.ActionRequest in) {
        var missing = new ArrayList<Violation>();
        switch (in.action()) {
            case ASSIGN -> {
                if (blank(in.assignee())) {
                    missing.add(new Violation("assignee", "ASSIGN needs the assignee"));
                }
            }
            case NOTE, REJECT, APPEAL -> {
                if (blank(in.note())) {
                    missing.add(new Violation("note", in.action() + " needs a note saying why"));
                }
            }
            case RESOLVE -> {
                if (blank(in.outcomeDetail()) && blank(in.note())) {
                    missing.add(new Violation("outcomeDetail", "RESOLVE needs the finding"));
                }
                if (c.caseType() == CaseType.USUL && c.householdId == null && in.householdId() == null) {
                    missing.add(new Violation("householdId", "an accepted usul needs the registered household's id"));
                }
            }
            default -> {
            }
        }
        if (!missing.isEmpty()) {
            throw invalid(missing);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(400, "validation", "Request is not valid",
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                Map.of("violations", violations));
    }

    private static CaseEntity load(String number) {
        return (CaseNumber.looksLikeOne(number) ? CaseEntity.byNumber(number) : Optional.<CaseEntity>empty())
                .orElseThrow(() -> ProblemException.notFound("case", number));
    }

    private static String secret() {
        var bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest((secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
