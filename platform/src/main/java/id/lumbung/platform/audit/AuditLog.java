package id.lumbung.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/** Writes who read or changed which personal data to the append-only {@code audit_log}. */
@ApplicationScoped
public class AuditLog {

    /** The development key: production sets its own (LUMBUNG_AUDIT_SUBJECT_KEY) and is told so at start. */
    static final String DEV_SUBJECT_KEY = "bHVtYnVuZy1kZXZlbG9wbWVudC1hdWRpdC1zdWJqZWN0LWtleQ==";
    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final AgroalDataSource dataSource;
    private final JsonWebToken caller;
    private final byte[] subjectKey;

    public AuditLog(AgroalDataSource dataSource, JsonWebToken caller,
            @ConfigProperty(name = "lumbung.audit.subject-key", defaultValue = DEV_SUBJECT_KEY) String subjectKey) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.subjectKey = Base64.getDecoder().decode(subjectKey);
    }

    void warnOfTheDevelopmentKey(@Observes StartupEvent start,
            @ConfigProperty(name = "lumbung.audit.subject-key", defaultValue = DEV_SUBJECT_KEY) String subjectKey) {
        if (LaunchMode.current() == LaunchMode.NORMAL && DEV_SUBJECT_KEY.equals(subjectKey)) {
            LOG.warn("the audit log keys NIKs with the development key: set LUMBUNG_AUDIT_SUBJECT_KEY (base64, 32 bytes)");
        }
    }

    /**
     * How a NIK is recorded as the subject of a read: a keyed hash, so that "who read my data" can be answered by
     * hashing the citizen's NIK again, while the log itself names nobody to whoever reads it.
     */
    public String nikSubject(String nik) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subjectKey, "HmacSHA256"));
            return "nik:" + HexFormat.of().formatHex(mac.doFinal(nik.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a read that was refused (scope, role): in a transaction of its own, since the request's rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefused(String action, String subject, String subjectId, String detail) {
        record(action + "_REFUSED", subject, subjectId, detail);
    }

    /**
     * @param action  e.g. {@code READ}, {@code SEARCH}, {@code EXPORT}
     * @param subject e.g. {@code household}, {@code person}, {@code case}
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(String action, String subject, String subjectId, String detail) {
        String actor = caller.getName() == null ? "anonymous" : caller.getName();
        String roles = caller.getGroups() == null ? "" : String.join(",", new TreeSet<>(caller.getGroups()));
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement(
                "insert into audit_log (actor, roles, action, subject, subject_id, detail) values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, actor);
            insert.setString(2, roles);
            insert.setString(3, action);
            insert.setString(4, subject);
            insert.setString(5, subjectId);
            insert.setString(6, detail);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("audit log write failed", e);
        }
    }
}
