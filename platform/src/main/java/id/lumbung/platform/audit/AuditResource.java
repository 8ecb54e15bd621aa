package id.lumbung.platform.audit;

import id.lumbung.platform.security.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The auditor's view of this service's audit log: who read or changed whose data, when and why. */
@Path("/api/v1/audit-log")
@Tag(name = "Audit log", description = "Who read or changed personal data (catatan audit), for the auditor")
public class AuditResource {

    private final AgroalDataSource dataSource;
    private final AuditLog audit;

    public AuditResource(AgroalDataSource dataSource, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** One audit entry. */
    @Schema(name = "AuditEntry", description = "One read or change of personal data: who, when, what and whose")
    public record Entry(long id, Instant at, String actor, String roles, String action, String subject, String subjectId,
            String detail) {
    }

    @Schema(name = "AuditEntryPage", description = "A page of audit entries, newest first")
    public record Page(List<Entry> items, int page, int size) {
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Transactional
    @Operation(operationId = "listAuditLog", summary = "Audit entries, newest first",
            description = "Filter by the person whose data was read (their NIK, matched through its keyed hash), by "
                    + "subject id, by actor and by time. This read is itself written to the audit log.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "400", description = "A filter out of range")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only the auditor")
    public Page list(
            @Parameter(description = "NIK of the person whose data was read", example = "3320064107870001")
            @QueryParam("nik") @Pattern(regexp = "\\d{16}") String nik,
            @Parameter(description = "Subject id as recorded, e.g. a household id") @QueryParam("subjectId") @Size(max = 200) String subjectId,
            @Parameter(description = "Who acted (token subject)") @QueryParam("actor") @Size(max = 200) String actor,
            @Parameter(description = "From this instant") @QueryParam("from") Instant from,
            @Parameter(description = "Until this instant") @QueryParam("to") Instant to,
            @Parameter(description = "Page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String subject = nik != null ? audit.nikSubject(nik) : subjectId;
        audit.record("READ", "audit-log", subject == null ? "*" : subject,
                "actor=" + actor + " from=" + from + " to=" + to);
        var items = new ArrayList<Entry>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                select id, at, actor, roles, action, subject, subject_id, detail from audit_log
                where (cast(? as text) is null or subject_id = ?) and (cast(? as text) is null or actor = ?)
                  and (cast(? as timestamptz) is null or at >= ?) and (cast(? as timestamptz) is null or at < ?)
                order by id desc limit ? offset ?""")) {
            s.setString(1, subject);
            s.setString(2, subject);
            s.setString(3, actor);
            s.setString(4, actor);
            s.setTimestamp(5, from == null ? null : Timestamp.from(from));
            s.setTimestamp(6, from == null ? null : Timestamp.from(from));
            s.setTimestamp(7, to == null ? null : Timestamp.from(to));
            s.setTimestamp(8, to == null ? null : Timestamp.from(to));
            s.setInt(9, size);
            s.setLong(10, (long) page * size);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit log read failed", e);
        }
        return new Page(items, page, size);
    }
}
