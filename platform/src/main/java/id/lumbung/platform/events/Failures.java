package id.lumbung.platform.events;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that goes away by itself (the database or the broker unreachable, a deadlock, a
 * serialization conflict, a server shutting down) from one that retrying cannot cure (a constraint, an index
 * row too large, a malformed event, a bug).
 */
public final class Failures {

    /** SQLSTATE classes that are about the connection or the server's state, not about the statement. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "55006");

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof EventRejectedException) {
                return false;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // a driver-level failure without a state: the pool could not hand out a connection
                if (state == null || state.length() < 2) {
                    return true;
                }
                if (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state)) {
                    return true;
                }
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && next.getSQLState().length() >= 2
                            && TRANSIENT_CLASSES.contains(next.getSQLState().substring(0, 2))) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /**
     * What an operator reads: the consumer's refusal when it refused the event, else the innermost message, which
     * names the constraint, field or limit.
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        String message = failure.toString();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            root = t;
            if (t instanceof EventRejectedException) {
                // the consumer's own words name the contract and the field
                return "EventRejectedException: " + t.getMessage();
            }
            if (t.getMessage() != null) {
                message = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        if (root instanceof SQLException sql && sql.getSQLState() != null) {
            message = message + " [SQLSTATE " + sql.getSQLState() + "]";
        }
        return message.length() > 2000 ? message.substring(0, 2000) + "…" : message;
    }

    /** The first line of {@link #describe}: what a log line may carry (a server's detail line can quote values). */
    public static String firstLine(Throwable failure) {
        return firstLine(describe(failure));
    }

    /** The first line of an error text. */
    public static String firstLine(String error) {
        int newline = error.indexOf('\n');
        return newline < 0 ? error : error.substring(0, newline);
    }
}
