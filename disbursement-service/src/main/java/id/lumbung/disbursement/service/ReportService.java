package id.lumbung.disbursement.service;

import id.lumbung.disbursement.domain.StatusReason;
import id.lumbung.disbursement.persistence.PlanEntity;
import id.lumbung.disbursement.rest.ReportApi;
import id.lumbung.platform.id.RegionCode;
import id.lumbung.platform.problem.ProblemException;
import id.lumbung.platform.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Realisation of a plan per region (village, district or regency), counted by the database in one pass. */
@ApplicationScoped
public class ReportService {

    private static final StatusReason[] REASONS = StatusReason.values();

    private final EntityManager em;

    public ReportService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public ReportApi.Realisation realisation(UUID planId, String regionCode, ReportApi.Level level, RegionScope scope) {
        PlanEntity plan = ScheduleService.plan(planId);
        RegionCode within = regionCode == null || regionCode.isBlank() ? RegionCode.of(plan.regionCode)
                : PayPointService.region(regionCode);
        if (!scope.national() && !scope.allows(within)) {
            // a regency's office asking for its province gets its own part of it
            if (scope.regions().stream().noneMatch(r -> r.isWithin(within))) {
                throw ProblemException.forbidden("region " + within + " is outside your scope " + scope.regions());
            }
        }
        int length = switch (level) {
            case REGENCY -> 5;
            case DISTRICT -> 8;
            case VILLAGE -> 13;
        };
        if (within.value().length() > length) {
            throw ProblemException.invalid("level", "level " + level + " is above the region " + within);
        }
        var reasonColumns = Arrays.stream(REASONS).map(r -> """
                count(*) filter (where o.status = 'FAILED' and o.status_reason = '%1$s'),
                coalesce(sum(o.amount) filter (where o.status = 'FAILED' and o.status_reason = '%1$s'), 0)"""
                .formatted(r.name())).collect(Collectors.joining(",\n"));
        var params = new ArrayList<Object>();
        String scopeSql = ScheduleService.scopeSql("o.village_code", scope, params, 4);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ScheduleService.bind(em.createNativeQuery("""
                select left(o.village_code, ?3) as region, count(*), coalesce(sum(o.amount), 0),
                    count(*) filter (where o.status = 'PAID'), coalesce(sum(o.amount) filter (where o.status = 'PAID'), 0),
                    count(*) filter (where o.status = 'FAILED'), coalesce(sum(o.amount) filter (where o.status = 'FAILED'), 0),
                    count(*) filter (where o.status in ('READY', 'BLOCKED')),
                    coalesce(sum(o.amount) filter (where o.status in ('READY', 'BLOCKED')), 0),
                    coalesce(sum(r.amount), 0),
                """ + reasonColumns + """

                from payment_order o left join retur r on r.order_id = o.id
                where o.plan_id = ?1 and (o.village_code = ?2 or o.village_code like ?2 || '.%')""" + scopeSql + """

                group by 1 order by 1""")
                .setParameter(1, planId).setParameter(2, within.value()).setParameter(3, length), params, 4)
                .getResultList();
        var out = new ArrayList<ReportApi.Row>();
        long[] sums = new long[10 + 2 * REASONS.length];
        for (var r : rows) {
            long[] v = new long[sums.length - 1];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Number) r[i + 1]).longValue();
                sums[i] = Math.addExact(sums[i], v[i]);
            }
            out.add(row((String) r[0], v));
        }
        var total = row(within.value(), Arrays.copyOf(sums, sums.length - 1));
        return new ReportApi.Realisation(planId, plan.programCode, plan.period, level, within.value(), out, total);
    }

    private static ReportApi.Row row(String region, long[] v) {
        var reasons = new ArrayList<ReportApi.ReasonTotal>();
        for (int i = 0; i < REASONS.length; i++) {
            reasons.add(new ReportApi.ReasonTotal(REASONS[i], v[9 + 2 * i], v[10 + 2 * i]));
        }
        double percent = v[0] == 0 ? 0 : BigDecimal.valueOf(v[2] * 100).divide(BigDecimal.valueOf(v[0]), 1,
                RoundingMode.HALF_UP).doubleValue();
        return new ReportApi.Row(region, v[0], v[1], v[2], v[3], v[4], v[5], reasons, v[6], v[7], v[8], percent);
    }

    /** The report as CSV: one line per region, then the total; amounts in whole rupiah. */
    public static String csv(ReportApi.Realisation report) {
        var out = new StringBuilder("region_code,families,planned,paid_families,paid,failed_families,failed");
        for (var reason : REASONS) {
            out.append(",failed_").append(reason.name().toLowerCase(Locale.ROOT));
        }
        out.append(",pending_families,pending,returned,percent_complete\n");
        for (var row : report.rows()) {
            line(out, row.regionCode(), row);
        }
        line(out, "TOTAL", report.total());
        return out.toString();
    }

    private static void line(StringBuilder out, String label, ReportApi.Row r) {
        out.append(label).append(',').append(r.families()).append(',').append(r.planned()).append(',')
                .append(r.paidFamilies()).append(',').append(r.paid()).append(',').append(r.failedFamilies()).append(',')
                .append(r.failed());
        for (var reason : r.failedByReason()) {
            out.append(',').append(reason.amount());
        }
        out.append(',').append(r.pendingFamilies()).append(',').append(r.pending()).append(',').append(r.returned())
                .append(',').append(String.format(Locale.ROOT, "%.1f", r.percentComplete())).append('\n');
    }

    /** Paid, failed and pending rupiah per region as stacked bars (PNG). */
    public static byte[] chart(ReportApi.Realisation report) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(600)
                .title("Realisasi " + report.programCode().replace('_', ' ') + " " + report.period() + " - " + report.regionCode())
                .xAxisTitle(report.level().name().toLowerCase(Locale.ROOT)).yAxisTitle("Rupiah (juta)").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        List<String> regions = report.rows().stream().map(ReportApi.Row::regionCode).toList();
        if (regions.isEmpty()) {
            regions = List.of(report.regionCode());
        }
        var rows = report.rows().isEmpty() ? List.of(report.total()) : report.rows();
        chart.addSeries("Tersalur", regions, rows.stream().map(r -> r.paid() / 1_000_000.0).toList());
        chart.addSeries("Gagal", regions, rows.stream().map(r -> r.failed() / 1_000_000.0).toList());
        chart.addSeries("Belum", regions, rows.stream().map(r -> r.pending() / 1_000_000.0).toList());
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
