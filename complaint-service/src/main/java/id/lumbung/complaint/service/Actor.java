package id.lumbung.complaint.service;

import id.lumbung.complaint.domain.ActorLevel;
import id.lumbung.platform.security.RegionScope;
import id.lumbung.platform.security.Roles;
import java.util.Optional;
import java.util.Set;

/** Who acts on a case: the operator's name, the level its role gives (null: may read only), and its region scope. */
public record Actor(String name, ActorLevel level, RegionScope scope) {

    /** The highest level among the caller's roles, if any role lets it handle cases. */
    public static Optional<ActorLevel> levelOf(Set<String> roles) {
        if (roles == null) {
            return Optional.empty();
        }
        if (roles.contains(Roles.KEMENSOS)) {
            return Optional.of(ActorLevel.NATIONAL);
        }
        if (roles.contains(Roles.DINSOS)) {
            return Optional.of(ActorLevel.REGENCY);
        }
        if (roles.contains(Roles.OPERATOR_DESA)) {
            return Optional.of(ActorLevel.VILLAGE);
        }
        return Optional.empty();
    }
}
