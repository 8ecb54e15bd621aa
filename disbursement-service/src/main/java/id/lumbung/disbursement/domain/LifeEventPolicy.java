package id.lumbung.disbursement.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a registry life event stops a family's unpaid orders: the recipient died or moved (or is no longer
 * on the KK at all), or no member of the family is left.
 */
public final class LifeEventPolicy {

    public enum LifeStatus {
        ALIVE, DECEASED, MOVED;

        /** Unknown values count as alive: only an explicit death or move stops money. */
        public static LifeStatus parse(String value) {
            if ("DECEASED".equals(value)) {
                return DECEASED;
            }
            return "MOVED".equals(value) ? MOVED : ALIVE;
        }
    }

    /** A member of the household as the registry reports it now. */
    public record MemberLife(String nik, LifeStatus status) {
    }

    private LifeEventPolicy() {
    }

    /** The reason to block the family's unpaid orders, or empty when they stay payable. */
    public static Optional<StatusReason> blockReason(String recipientNik, List<MemberLife> members) {
        var recipient = members.stream().filter(m -> m.nik().equals(recipientNik)).findFirst();
        if (recipient.isPresent()) {
            switch (recipient.get().status()) {
                case DECEASED:
                    return Optional.of(StatusReason.DECEASED);
                case MOVED:
                    return Optional.of(StatusReason.MOVED);
                case ALIVE:
                    break;
            }
        }
        if (members.stream().allMatch(m -> m.status() == LifeStatus.DECEASED) && !members.isEmpty()) {
            return Optional.of(StatusReason.DECEASED);
        }
        if (recipient.isEmpty() || members.stream().noneMatch(m -> m.status() == LifeStatus.ALIVE)) {
            // the recipient left the KK (or nobody is left in it): the family can no longer collect here
            return Optional.of(StatusReason.MOVED);
        }
        return Optional.empty();
    }

    /** Members who can no longer act for the family. */
    public static Set<String> departed(List<MemberLife> members) {
        return members.stream().filter(m -> m.status() != LifeStatus.ALIVE).map(MemberLife::nik)
                .collect(Collectors.toUnmodifiableSet());
    }
}
