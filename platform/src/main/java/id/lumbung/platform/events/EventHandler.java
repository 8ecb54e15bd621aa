package id.lumbung.platform.events;

import java.util.List;

/**
 * A consumer of one topic. {@link Inbox} applies its effect once per event, in the order received, inside the
 * inbox's transaction; {@link Quarantine} applies it again when an operator replays a quarantined event. An
 * event that does not follow the topic's contract is refused with {@link EventRejectedException}, never skipped.
 */
public interface EventHandler {

    /** The name the inbox and the quarantine know this consumer by, e.g. {@code eligibility.registry-households}. */
    String consumer();

    /** The topic it reads, e.g. {@code registry.households.v1}. */
    String topic();

    /** Applies the events, in order, in the caller's transaction; throws to undo all of them. */
    void apply(List<EventEnvelope.Received> events);

    /**
     * Erases what the tombstones' keys ({@link EventEnvelope.Received#subject()}) named, in the caller's transaction:
     * a tombstone on a compacted topic says that its key no longer exists. A consumer of a topic that carries no
     * tombstones keeps this default, which refuses them (so a stray tombstone waits in quarantine).
     */
    default void erase(List<EventEnvelope.Received> tombstones) {
        throw new EventRejectedException("a tombstone (key " + tombstones.get(0).subject() + ") on " + topic()
                + ", which " + consumer() + " does not erase from");
    }
}
