package id.lumbung.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every answer a test receives is one its operation documents: each request the suite makes through RestAssured
 * is matched to its OpenAPI operation, and a status the document does not list for it fails the test that got it.
 * Statuses of the HTTP layer that no operation lists (405, 406, 413, 414, 415, 431) and paths outside the
 * document (/q/...) are not checked.
 *
 * <p>{@code -Dlumbung.documented-answers=record} only writes what is undocumented to
 * {@code target/undocumented-answers.txt}.
 */
public class DocumentedAnswers implements QuarkusTestBeforeEachCallback {

    static final Set<Integer> PROTOCOL = Set.of(405, 406, 413, 414, 415, 431);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<Integer, List<Route>> DOCUMENTS = new ConcurrentHashMap<>();

    record Route(String method, String template, Pattern pattern, Set<String> statuses) {
    }

    private static final Filter CHECK = (request, response, context) -> {
        var answer = context.next(request, response);
        var uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        if (path.startsWith("/q/")) {
            return answer;
        }
        int status = answer.statusCode();
        if (PROTOCOL.contains(status)) {
            return answer;
        }
        var routes = DOCUMENTS.computeIfAbsent(uri.getPort(), DocumentedAnswers::routes);
        String method = request.getMethod().toLowerCase();
        routes.stream().filter(r -> r.method.equals(method) && r.pattern.matcher(path).matches()).findFirst()
                .filter(route -> !route.statuses.contains(Integer.toString(status)) && !route.statuses.contains("default"))
                .ifPresent(route -> undocumented(method.toUpperCase() + " " + route.template + " answered " + status
                        + ", which its OpenAPI operation does not document (" + route.statuses + "): "
                        + answer.asString().lines().findFirst().orElse("")));
        return answer;
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(CHECK)) {
            RestAssured.filters(CHECK);
        }
    }

    private static void undocumented(String finding) {
        if ("record".equals(System.getProperty("lumbung.documented-answers"))) {
            try {
                Files.writeString(Path.of("target", "undocumented-answers.txt"), finding + System.lineSeparator(),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        throw new AssertionError(finding);
    }

    /** The operations of the document served on {@code port}, the most literal paths first. */
    static List<Route> routes(int port) {
        try {
            var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var routes = new ArrayList<Route>();
            if (answer.statusCode() != 200) {
                return routes;
            }
            JSON.readTree(answer.body()).path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                    .forEachRemaining(op -> {
                        if (!op.getValue().has("responses")) {
                            return;
                        }
                        var statuses = new java.util.TreeSet<String>();
                        op.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                        routes.add(new Route(op.getKey(), path.getKey(), pattern(path.getKey()), statuses));
                    }));
            routes.sort(Comparator.comparingLong(r -> r.template.chars().filter(c -> c == '{').count()));
            return routes;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Pattern pattern(String template) {
        var regex = new StringBuilder("^");
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.append("/?$").toString());
    }
}
