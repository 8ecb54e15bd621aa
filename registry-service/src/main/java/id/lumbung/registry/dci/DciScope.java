package id.lumbung.registry.dci;

import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.security.RegionScope;
import java.util.List;

/**
 * The caller's region scope taken from its token while the request is in hand, so that work finished
 * later (an async search) still applies it.
 */
public record DciScope(boolean national, List<RegionCode> regions) {

    public static DciScope of(RegionScope scope) {
        return new DciScope(scope.national(), scope.national() ? List.of() : scope.regions());
    }

    public boolean allows(RegionCode region) {
        return national || regions.stream().anyMatch(region::isWithin);
    }

    /** True when some part of {@code region} is inside the scope (the caller may ask for all of Jawa Tengah and get its regency). */
    public boolean overlaps(RegionCode region) {
        return national || regions.stream().anyMatch(r -> r.isWithin(region) || region.isWithin(r));
    }

    public List<String> likePatterns() {
        return regions.stream().map(r -> r.value() + "%").toList();
    }
}
