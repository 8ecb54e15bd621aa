package id.lumbung.platform.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.regex.Pattern;

/**
 * The W3C trace context an event carries in its CloudEvents {@code traceparent} extension, so one household can be
 * followed from the REST call through the outbox, Kafka and every consumer that acts on it.
 */
final class Tracing {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private Tracing() {
    }

    /** The {@code traceparent} of the span current on this thread, or null outside any trace. */
    static String traceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The remote span context a {@code traceparent} names; invalid when it is absent or malformed. */
    static SpanContext parse(String traceparent) {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        var m = TRACEPARENT.matcher(traceparent);
        if (!m.matches()) {
            return SpanContext.getInvalid();
        }
        return SpanContext.createFromRemoteParent(m.group(1), m.group(2), TraceFlags.fromHex(m.group(3), 0),
                TraceState.getDefault());
    }
}
