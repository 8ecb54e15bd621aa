package id.lumbung.disbursement.service;

import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.security.RegionScope;
import java.util.Map;

/** The caller's region scope as a condition on an order's village, for HQL queries. */
final class ScopeFilter {

    private ScopeFilter() {
    }

    /** {@code and (...)} restricting {@code alias.villageCode} to the scope; nothing for national callers. */
    static String villages(String alias, RegionScope scope, Map<String, Object> params) {
        if (scope.national()) {
            return "";
        }
        var patterns = scope.likePatterns();
        if (patterns.isEmpty()) {
            return " and 1 = 0";
        }
        var condition = new StringBuilder(" and (");
        for (int i = 0; i < patterns.size(); i++) {
            if (i > 0) {
                condition.append(" or ");
            }
            condition.append(alias).append(".villageCode like :scope").append(i);
            params.put("scope" + i, patterns.get(i));
        }
        return condition.append(")").toString();
    }

    /** A plan is visible when its region and the caller's scope overlap (either contains the other). */
    static boolean overlaps(RegionCode planRegion, RegionScope scope) {
        return scope.national()
                || scope.regions().stream().anyMatch(r -> planRegion.isWithin(r) || r.isWithin(planRegion));
    }
}
