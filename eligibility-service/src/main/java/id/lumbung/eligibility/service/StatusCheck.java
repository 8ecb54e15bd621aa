package id.lumbung.eligibility.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.lumbung.eligibility.persistence.StatusLookup;
import id.lumbung.eligibility.rest.StatusApi;
import id.lumbung.platform.id.Masking;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.limits.RateLimits;
import id.lumbung.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Cek Bansos: anyone may ask, without a token, what a person's family receives. It must not become a way to
 * find out which NIKs exist: every lookup costs a solved challenge and a token of the caller's rate limit, and
 * "not found" is answered in the same shape, after the same queries and no sooner than "found".
 */
@ApplicationScoped
public class StatusCheck {

    public static final String FOUND = "DITEMUKAN";
    public static final String NOT_FOUND = "TIDAK_DITEMUKAN";
    static final String NO_DESIL = "belum ada desil";

    private static final Logger LOG = Logger.getLogger(StatusCheck.class);

    /** Too many lookups from one address: 429 with the seconds to wait. */

    private final StatusChallenges challenges;
    private final RateLimits limits;
    private final RateLimits.Limit perClient;
    private final StatusLookup lookup;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration minResponse;

    public StatusCheck(StatusChallenges challenges, RateLimits limits, StatusLookup lookup, ObjectMapper json,
            Clock clock, @ConfigProperty(name = "lumbung.status.min-response", defaultValue = "150ms") Duration minResponse,
            @ConfigProperty(name = "lumbung.status.rate-limit.capacity", defaultValue = "10") int capacity,
            @ConfigProperty(name = "lumbung.status.rate-limit.per-minute", defaultValue = "10") int perMinute) {
        this.challenges = challenges;
        this.limits = limits;
        // one bucket per client address, shared by every replica
        this.perClient = new RateLimits.Limit("status-check", capacity, perMinute, "status checks");
        this.lookup = lookup;
        this.json = json;
        this.clock = clock;
        this.minResponse = minResponse;
    }

    public StatusApi.Challenge challenge() {
        var issued = challenges.issue();
        return new StatusApi.Challenge(issued.challenge(), issued.nonce(), issued.difficulty(), issued.expiresAt(),
                "SHA-256(nonce + solution) starts with difficulty zero bits");
    }

    public StatusApi.StatusAnswer check(StatusApi.StatusRequest request, String clientAddress) {
        long started = System.nanoTime();
        if (request == null) {
            throw ProblemException.invalid("nik", "give either nik, or fullName with villageCode");
        }
        var query = query(request);
        // only a request with a solved challenge spends a token: unsolved floods cannot drain a client's bucket
        challenges.redeem(request.challenge(), request.solution());
        limits.acquire(perClient, clientAddress);
        var result = query.nik() != null ? lookup.byNik(query.nik()) : lookup.byName(query.villageCode(), query.name());
        var answer = answer(result);
        LOG.debugf("status check by %s: %s", query.nik() != null ? "NIK " + Masking.nik(query.nik()) : "name", answer.status());
        pad(started);
        return answer;
    }

    private record Query(String nik, String name, String villageCode) {
    }

    private static Query query(StatusApi.StatusRequest r) {
        boolean byNik = r.nik() != null && !r.nik().isBlank();
        boolean byName = (r.fullName() != null && !r.fullName().isBlank()) || (r.villageCode() != null && !r.villageCode().isBlank());
        if (byNik == byName) {
            throw ProblemException.invalid("nik", "give either nik, or fullName with villageCode");
        }
        if (byNik) {
            var nik = r.nik().strip();
            if (!nik.matches("\\d{16}")) {
                throw ProblemException.invalid("nik", "NIK must be exactly 16 digits");
            }
            return new Query(nik, null, null);
        }
        if (r.fullName() == null || r.fullName().isBlank()) {
            throw ProblemException.invalid("fullName", "fullName (as on the KTP) is required with villageCode");
        }
        var name = r.fullName().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (name.length() > 100) {
            throw ProblemException.invalid("fullName", "fullName is at most 100 characters");
        }
        var village = r.villageCode() == null ? null : r.villageCode().strip();
        var problem = RegionCode.problemWith(village);
        if (problem.isPresent() || RegionCode.of(village).level() != RegionCode.Level.VILLAGE) {
            throw ProblemException.invalid("villageCode", problem.orElse("villageCode must be a village code like 33.20.01.2001"));
        }
        return new Query(null, name, village);
    }

    private StatusApi.StatusAnswer answer(StatusLookup.Result result) {
        var now = clock.instant();
        if (result.person().isEmpty()) {
            return new StatusApi.StatusAnswer(NOT_FOUND, null, null, null, List.of(),
                    "Data tidak ditemukan. Periksa kembali NIK, atau nama sesuai KTP dan kode desa/kelurahan, "
                            + "atau tanyakan ke kantor desa/kelurahan.", now);
        }
        var person = result.person().get();
        var programs = result.programs().stream().map(this::program).toList();
        return new StatusApi.StatusAnswer(FOUND, Masking.name(person.fullName()),
                person.desil() == null ? NO_DESIL : "Desil " + person.desil(), person.desilPeriod(), programs,
                "Data ditemukan. Status per program dan periode tercantum di bawah.", now);
    }

    private StatusApi.ProgramStatus program(StatusLookup.ProgramRow row) {
        String status;
        String note;
        if ("PAID".equals(row.paymentStatus())) {
            status = "DIBAYAR";
            note = "Bantuan periode " + row.period() + " sudah dibayarkan.";
        } else if (row.listed()) {
            status = "TERDAFTAR";
            note = switch (row.paymentStatus() == null ? "" : row.paymentStatus()) {
                case "BLOCKED" -> "Terdaftar sebagai penerima, tetapi penyaluran ditahan. Tanyakan ke kantor desa/kelurahan atau pendamping sosial.";
                case "FAILED" -> "Terdaftar sebagai penerima, tetapi penyaluran belum berhasil. Tanyakan ke kantor desa/kelurahan atau penyalur (bank/Pos).";
                default -> "Terdaftar sebagai penerima periode " + row.period() + "; menunggu penyaluran.";
            };
        } else if (row.eligible()) {
            status = "MEMENUHI_SYARAT";
            note = "Memenuhi syarat, tetapi belum ditetapkan sebagai penerima periode " + row.period() + ".";
        } else {
            status = "TIDAK_MEMENUHI_SYARAT";
            // the reasons are family-level sentences by construction (a status group, never a member)
            note = reasons(row.reasonsJson()).stream().map(r -> r.get("id")).collect(Collectors.joining(" "));
        }
        return new StatusApi.ProgramStatus(row.programCode(), row.programName(), row.period(), status, note,
                row.paymentStatus(), row.paymentAt());
    }

    private List<Map<String, String>> reasons(String reasonsJson) {
        try {
            return json.readValue(reasonsJson, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("stored reasons are not readable", e);
        }
    }

    /** Every answer takes at least {@code minResponse}, so a quick "not found" does not stand out. */
    private void pad(long started) {
        long left = minResponse.toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
