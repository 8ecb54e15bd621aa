package id.lumbung.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves a Lumbung service as RFC 9457 problem+json, never as a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequests e, UriInfo uri) {
        return Response.fromResponse(respond(e.problem(), uri))
                .header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String detail = violations.stream().map(v -> v.get("field") + ": " + v.get("message"))
                .collect(Collectors.joining("; "));
        var problem = Problem.of(400, "validation", "Request is not valid", detail)
                .with(Map.of("violations", violations));
        return respond(problem, uri);
    }

    @ServerExceptionMapper({ UnrecognizedPropertyException.class, InvalidFormatException.class,
            MismatchedInputException.class, JsonProcessingException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String detail = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
                ? "field '" + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")) + "' has a value of the wrong type or shape"
                : "the request body is not valid JSON for this operation";
        return respond(Problem.of(400, "unreadable-body", "Request body cannot be read", detail), uri);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response stale(RuntimeException e, UriInfo uri) {
        return respond(Problem.of(412, "precondition-failed", "Precondition failed",
                "the resource was changed by someone else; read it again and retry with its new ETag"), uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required"), uri)).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "your role may not use this operation"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null) {
            // a path or query value that cannot be converted to its type: the caller's to fix, not a missing resource
            return respond(Problem.of(400, "invalid-parameter", "Invalid parameter",
                    "a path or query parameter is not of its type: " + firstLine(e.getCause())), uri);
        }
        var reason = Response.Status.fromStatusCode(status);
        String title = reason != null ? reason.getReasonPhrase() : "Request refused";
        String slug = switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "request-refused";
        };
        String detail = status == 404 ? "no resource at this address" : e.getMessage();
        return respond(Problem.of(status, slug, title, detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        String state = sqlState(e);
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            // a value the database refused: the caller's to change, but a rule of ours should have named it first
            LOG.warnf("a request reached the database with a value it refused (SQLSTATE %s), reference %s: %s", state,
                    reference, firstLine(e));
            boolean conflict = state.startsWith("23");
            return respond(Problem.of(conflict ? 409 : 400, conflict ? "conflict" : "invalid-request",
                    conflict ? "Conflict" : "Invalid request",
                    (conflict ? "the request conflicts with data already recorded" : "a value in the request cannot be stored")
                            + "; quote reference " + reference + " if this is unexpected")
                    .with(Map.of("reference", reference)), uri);
        }
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return respond(Problem.of(500, "internal", "Internal error",
                "the request could not be completed; quote reference " + reference + " to the operators")
                .with(Map.of("reference", reference)), uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        refused(problem);
        var body = uri != null ? problem.at(instance(uri)) : problem;
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** Every problem answered, by status and kind (its type's last segment): refusals by reason. */
    static void refused(Problem problem) {
        String type = problem.type() == null ? "none" : problem.type().toString();
        Counter.builder("lumbung.requests.refused")
                .description("requests answered with a problem, by HTTP status and problem type")
                .tag("status", Integer.toString(problem.status()))
                .tag("problem", type.substring(type.lastIndexOf('/') + 1))
                .register(Metrics.globalRegistry).increment();
    }

    /** The request's path as it was sent (still percent-encoded), so any path a caller can send names the problem. */
    private static URI instance(UriInfo uri) {
        try {
            return URI.create(uri.getRequestUri().getRawPath());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The SQLSTATE of the first SQL failure under {@code e}, or null. */
    static String sqlState(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String field(ConstraintViolation<?> v) {
        // "create.arg0.members[0].nik" → "members[0].nik": callers know their body, not our method names.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
