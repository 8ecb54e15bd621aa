package id.lumbung.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The request URI is checked once, before anything reads it, and refused as a 400 problem when no operation can
 * use it: not a valid URI, a path or query that does not percent-decode to UTF-8 (a raw {@code %}, {@code %zz},
 * {@code %FF}), a NUL character (PostgreSQL cannot store or compare it), or a query value longer than any
 * identifier, code or search term. The services start with {@code -Dvertx.disableURIValidation=true} so that
 * such requests reach this check instead of the HTTP server's own, which answers with an empty body.
 */
@ApplicationScoped
public class RequestGuard {

    /** Longer than any NIK, code, name search or date a query carries. */
    static final int MAX_PARAMETER = 1_000;

    private final ObjectMapper json;

    public RequestGuard(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-1_000).handler(context -> {
            var refusal = refusal(context.request().uri());
            if (refusal.isEmpty()) {
                context.next();
                return;
            }
            var problem = Problem.of(400, "invalid-request", "Invalid request", refusal.get());
            String path = context.request().path();
            try {
                problem = problem.at(URI.create(path));
            } catch (RuntimeException e) {
                // a path that is no URI is named in the detail, not as the instance
            }
            try {
                context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Cache-Control", "no-store").end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.fail(e);
            }
        });
    }

    static boolean valid(String uri) {
        return refusal(uri).isEmpty();
    }

    /** Why no operation can use {@code uri}, or empty. */
    static Optional<String> refusal(String uri) {
        if (uri == null) {
            return Optional.of("the request has no URI");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("the request URI is not valid: characters outside a URI");
        }
        String path = decode(parsed.getRawPath());
        if (path == null) {
            return Optional.of(undecodable("path"));
        }
        if (path.indexOf('\u0000') >= 0) {
            return Optional.of("the path contains a NUL character");
        }
        String query = parsed.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name == null || value == null) {
                    return Optional.of(undecodable("query"));
                }
                if (name.indexOf('\u0000') >= 0 || value.indexOf('\u0000') >= 0) {
                    return Optional.of("query parameter '" + abbreviate(name) + "' contains a NUL character");
                }
                if (name.length() > MAX_PARAMETER || value.length() > MAX_PARAMETER) {
                    return Optional.of("query parameter '" + abbreviate(name) + "' is longer than " + MAX_PARAMETER
                            + " characters");
                }
            }
        }
        return Optional.empty();
    }

    private static String undecodable(String part) {
        return "the request URI is not valid: its " + part + " has a '%' that is not followed by two hexadecimal "
                + "digits of UTF-8";
    }

    private static String abbreviate(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }

    /** Percent-decodes strictly: every {@code %XX} two hex digits, the bytes UTF-8; null when it does not decode. */
    private static String decode(String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
