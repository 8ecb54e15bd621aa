package id.lumbung.disbursement.service;

import id.lumbung.disbursement.domain.OrderStatus;
import id.lumbung.disbursement.mapping.OrderMapper;
import id.lumbung.disbursement.persistence.PaymentEntity;
import id.lumbung.disbursement.persistence.PaymentOrderEntity;
import id.lumbung.disbursement.rest.OrderApi;
import id.lumbung.platform.audit.AuditLog;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.UUID;

/** Reads of payment orders, within the caller's region scope; every read of an order's details is audited. */
@ApplicationScoped
public class OrderService {

    private final AuditLog audit;

    public OrderService(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public OrderApi.OrderPage list(UUID planId, String villageCode, OrderStatus status,
            RegionScope scope, int page, int size) {
        var params = new HashMap<String, Object>();
        var where = new StringBuilder("1 = 1");
        if (planId != null) {
            where.append(" and o.planId = :planId");
            params.put("planId", planId);
        }
        if (villageCode != null && !villageCode.isBlank()) {
            var village = RegionCode.of(villageCode);
            scope.require(village);
            where.append(" and o.villageCode = :village");
            params.put("village", village.value());
        }
        if (status != null) {
            where.append(" and o.status = :status");
            params.put("status", status);
        }
        where.append(ScopeFilter.villages("o", scope, params));
        var query = PaymentOrderEntity.<PaymentOrderEntity>find("from PaymentOrderEntity o where " + where
                + " order by o.villageCode, o.createdAt, o.id", toParameters(params)).page(page, size);
        var items = query.list().stream().map(OrderMapper::summary).toList();
        audit.record("SEARCH", "payment-order", planId == null ? "*" : planId.toString(),
                "villageCode=" + villageCode + " status=" + status + " page=" + page);
        return new OrderApi.OrderPage(items, page, size, query.count());
    }

    @Transactional
    public OrderApi.OrderDetail get(UUID id, RegionScope scope) {
        PaymentOrderEntity order = PaymentOrderEntity.findById(id);
        if (order == null) {
            throw ProblemException.notFound("payment order", id);
        }
        scope.require(RegionCode.of(order.villageCode));
        audit.record("READ", "payment-order", id.toString(), null);
        return OrderMapper.detail(order, PaymentEntity.forOrder(id));
    }

    private static Parameters toParameters(java.util.Map<String, Object> params) {
        var out = new Parameters();
        params.forEach(out::and);
        return out;
    }
}
