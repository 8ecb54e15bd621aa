package id.lumbung.platform.problem;

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

/**
 * A request URI that is not a valid URI, or whose path or query does not percent-decode to UTF-8 (a raw {@code %},
 * {@code %zz}, {@code %FF}), is refused as a 400 problem before anything else reads it. The services start with
 * {@code -Dvertx.disableURIValidation=true} so that these requests reach this check instead of the HTTP server's
 * own, which answers with an empty body.
 */
@ApplicationScoped
public class RawRequestGuard {

    static final String BODY = "{\"type\":\"https://lumbung.id/problems/invalid-request\",\"title\":\"Invalid request\","
            + "\"status\":400,\"detail\":\"the request URI is not valid: characters outside a URI, or a '%' that is not "
            + "followed by two hexadecimal digits of UTF-8\"}";

    void install(@Observes Router router) {
        router.route().order(-1_000).handler(context -> {
            if (valid(context.request().uri())) {
                context.next();
            } else {
                context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Cache-Control", "no-store").end(BODY);
            }
        });
    }

    static boolean valid(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            var parsed = new URI(uri);
            return decodes(parsed.getRawPath()) && decodes(parsed.getRawQuery());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether every {@code %XX} is two hex digits and the bytes they stand for are UTF-8. */
    private static boolean decodes(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
