package id.lumbung.platform.security;

import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The regions the caller may act on, from the token's {@code regions} claim (dotted Kemendagri
 * prefixes). The ministry and auditors see the whole country; everyone else only what the claim lists.
 */
@RequestScoped
public class RegionScope {

    private final JsonWebToken token;

    public RegionScope(JsonWebToken token) {
        this.token = token;
    }

    public boolean national() {
        var groups = token.getGroups();
        return groups != null && (groups.contains(Roles.KEMENSOS) || groups.contains(Roles.AUDITOR));
    }

    /** The region prefixes of the caller; empty when national. */
    public List<RegionCode> regions() {
        if (national()) {
            return List.of();
        }
        Optional<Object> claim = token.claim(Roles.REGIONS_CLAIM);
        return claim.map(RegionScope::codes).orElse(List.of());
    }

    public boolean allows(RegionCode region) {
        return national() || regions().stream().anyMatch(region::isWithin);
    }

    /** Refuses with 403 problem+json when the region is outside the caller's scope. */
    public void require(RegionCode region) {
        if (!allows(region)) {
            throw ProblemException.forbidden("region " + region + " is outside your scope " + regions());
        }
    }

    /** SQL-ready prefixes ({@code 33.20%}) for filtering lists, or empty for national callers. */
    public List<String> likePatterns() {
        return regions().stream().map(r -> r.value() + "%").toList();
    }

    private static List<RegionCode> codes(Object claim) {
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.stream().map(v -> RegionCode.of(((jakarta.json.JsonString) v).getString())).toList();
        }
        if (claim instanceof java.util.Collection<?> values) {
            return values.stream().map(v -> RegionCode.of(v.toString().replace("\"", ""))).toList();
        }
        return List.of(RegionCode.of(claim.toString()));
    }
}
