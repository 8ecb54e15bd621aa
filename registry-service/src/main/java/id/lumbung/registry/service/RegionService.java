package id.lumbung.registry.service;

import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.registry.persistence.RegionEntity;
import id.lumbung.registry.rest.RegionApi;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RegionService {

    private static final String[] LEVELS = { "", "PROVINCE", "REGENCY", "DISTRICT", "VILLAGE" };

    public RegionApi find(String code) {
        var region = RegionCode.of(code);
        RegionEntity entity = RegionEntity.findById(region.value());
        if (entity == null) {
            throw ProblemException.notFound("region", region);
        }
        return view(entity);
    }

    /** Children of a region (or the provinces), optionally filtered by a spelling-tolerant name match. */
    public List<RegionApi> search(String parent, String name, int page, int size) {
        String parentCode = parent == null ? null : RegionCode.of(parent).value();
        var query = new StringBuilder(parentCode == null ? "parentCode is null" : "parentCode = :parent");
        var params = new Parameters();
        if (parentCode != null) {
            params.and("parent", parentCode);
        }
        if (name != null && !name.isBlank()) {
            if (parentCode == null) {
                query = new StringBuilder("1 = 1");
            }
            query.append(" and lower(name) like :name");
            params.and("name", "%" + name.strip().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        return RegionEntity.<RegionEntity>find(query + " order by code", params).page(Page.of(page, size)).list()
                .stream().map(RegionService::view).toList();
    }

    static RegionApi view(RegionEntity r) {
        return new RegionApi(r.code, r.name, LEVELS[r.level], r.parentCode);
    }
}
