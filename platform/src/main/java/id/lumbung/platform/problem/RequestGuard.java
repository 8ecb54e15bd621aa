package id.lumbung.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters that no operation can use are refused before any resource sees them: a NUL
 * character (PostgreSQL cannot store or compare it) and a value longer than any identifier, code or search term.
 */
public class RequestGuard {

    /** Longer than any NIK, code, name search or date a query or path carries. */
    static final int MAX_PARAMETER = 1_000;

    @ServerRequestFilter(preMatching = true)
    public jakarta.ws.rs.core.Response guard(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String refused = refused(uri.getPath(), "path");
        if (refused == null) {
            for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
                refused = refused(parameter.getKey(), "query parameter name");
                for (String value : parameter.getValue()) {
                    refused = refused != null ? refused : refused(value, "query parameter '" + parameter.getKey() + "'");
                }
                if (refused != null) {
                    break;
                }
            }
        }
        if (refused == null) {
            return null;
        }
        return ProblemMappers.respond(Problem.of(400, "invalid-request", "Invalid request", refused), uri);
    }

    private static String refused(String value, String what) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            return what + " contains a NUL character";
        }
        if (value.length() > MAX_PARAMETER && !what.equals("path")) {
            return what + " is longer than " + MAX_PARAMETER + " characters";
        }
        return null;
    }
}
