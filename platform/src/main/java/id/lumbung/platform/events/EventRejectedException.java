package id.lumbung.platform.events;

/**
 * An event its consumer cannot apply because it does not follow the topic's contract (a field missing or out of
 * range, an unknown type). Retrying cannot cure it: the inbox quarantines it and goes on with the next event.
 */
public class EventRejectedException extends RuntimeException {

    public EventRejectedException(String message) {
        super(message);
    }

    public EventRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
