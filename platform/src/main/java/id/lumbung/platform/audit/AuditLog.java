package id.lumbung.platform.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Writes who read or changed which personal data to the append-only {@code audit_log}. */
@ApplicationScoped
public class AuditLog {

    private final AgroalDataSource dataSource;
    private final JsonWebToken caller;

    public AuditLog(AgroalDataSource dataSource, JsonWebToken caller) {
        this.dataSource = dataSource;
        this.caller = caller;
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
